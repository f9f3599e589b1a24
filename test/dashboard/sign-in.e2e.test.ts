// Signing in and out in real Chromium against `baken serve`: each role lands on its own start page,
// the justification is asked once, the language switches at any time, an ended session returns the
// user to sign-in and then to where they were, and the CSP holds (no violation on any page).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ACCOUNTS, demoStart, justify, keepScreenshot, problemsOf, seriousViolations, signIn, useDashboard } from './harness.ts';

describe('dashboard: sign-in, session and language', () => {
  const dashboard = useDashboard();

  test('the page is served with a nonce CSP, no inline code, and the sign-in form fills in from a password manager', async () => {
    const answer = await fetch(dashboard.served.url + '/search?q=x');
    assert.equal(answer.status, 200);
    const csp = answer.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /script-src 'self' 'nonce-/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    const html = await answer.text();
    assert.ok(html.includes(`ngcspnonce="${nonce}"`));
    assert.ok(!html.includes('BAKEN_CSP_NONCE'));
    const again = await fetch(dashboard.served.url + '/');
    assert.notEqual(/'nonce-([^']+)'/.exec(again.headers.get('content-security-policy') ?? '')?.[1], nonce, 'a fresh nonce per page');
    assert.equal((await fetch(dashboard.served.url + '/no-such-file.js')).status, 404);
    assert.equal((await fetch(dashboard.served.url + '/api/no-such-route')).headers.get('content-type'), 'application/problem+json; charset=utf-8');

    const page = await dashboard.ui.newPage();
    await page.goto(dashboard.served.url + '/');
    await page.waitForURL(/\/sign-in/);
    assert.equal(await page.locator('#name').getAttribute('autocomplete'), 'username');
    assert.equal(await page.locator('#password').getAttribute('autocomplete'), 'current-password');
    assert.equal(await page.locator('#totp').getAttribute('autocomplete'), 'one-time-code');
    assert.deepEqual(await seriousViolations(page), []);
    await keepScreenshot(page, 'sign-in-nl');
    assert.deepEqual(problemsOf(page), []);
  });

  test('npm start crawled both themes and printed its address and one sign-in per role, each of which works', async () => {
    const start = demoStart();
    assert.deepEqual(Object.keys(start.summaries).sort(), ['mensenhandel', 'toezicht']);
    for (const s of Object.values(start.summaries)) assert.ok(s.kept > 0 && s.failed === 0, JSON.stringify(s));
    assert.match(start.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.deepEqual(start.users.map((u) => u.role).sort(), ['admin', 'analyst', 'auditor', 'expert', 'supervisor']);
    for (const u of start.users) {
      const answer = await fetch(dashboard.served.url + '/api/session', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: u.name, password: u.password }),
      });
      assert.equal(answer.status, 201, `${u.role} ${u.name} signs in with the printed password`);
    }
  });

  test('a wrong password is refused with a clear message, and nothing else is said', async () => {
    const page = await dashboard.ui.newPage('en');
    await page.goto(dashboard.served.url + '/sign-in');
    await page.locator('#name').fill(ACCOUNTS.expert.name);
    await page.locator('#password').fill('not-the-password-at-all');
    await page.locator('button[type=submit]').click();
    assert.match(await page.getByRole('alert').innerText(), /Wrong user name, password or one-time code/);
    assert.match(page.url(), /\/sign-in/);
  });

  for (const [role, home] of [['expert', '/search'], ['analyst', '/search'], ['supervisor', '/monitor'], ['admin', '/admin'], ['auditor', '/audit']] as const) {
    test(`the ${role} signs in, lands on ${home}, and signs out`, async () => {
      const page = await dashboard.ui.newPage();
      await signIn(page, dashboard.served.url, ACCOUNTS[role]);
      if (home === '/search') {
        assert.match(page.url(), /\/why\?next=/, 'content readers say why before the first read');
        assert.deepEqual(await seriousViolations(page), []);
        await justify(page);
      }
      assert.equal(new URL(page.url()).pathname, home);
      await page.getByRole('button', { name: 'Afmelden' }).click();
      await page.waitForURL(/\/sign-in/);
      const session = await page.evaluate(async () => (await fetch('/api/session')).status);
      assert.equal(session, 401, 'signed out on the server too');
      assert.deepEqual(problemsOf(page), []);
    });
  }

  test('the language switches at once, and stays switched after a reload', async () => {
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.auditor);
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  });

  test('a session the server ends brings the user to sign-in, then back to where they were', async () => {
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.expert, '/search?q=utrecht');
    await justify(page, 'ZAAK-2026-001');
    assert.match(page.url(), /\/search\?q=utrecht/);
    // The server forgets the session, as when it times out; the next call answers 401.
    await page.context().clearCookies();
    await page.goto(dashboard.served.url + '/ads/000000000000000000000000');
    await page.waitForURL(/\/sign-in/);
    assert.match(page.url(), /next=%2Fads%2F0{24}/);
    await page.locator('#name').fill(ACCOUNTS.expert.name);
    await page.locator('#password').fill(ACCOUNTS.expert.password);
    await page.locator('button[type=submit]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await justify(page, 'ZAAK-2026-001');
    assert.equal(new URL(page.url()).pathname, '/ads/000000000000000000000000');
  });
});
