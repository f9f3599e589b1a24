// The profile page's evaluation in real Chromium against `baken serve`: the admin opens the
// mensenhandel profile and sees, per labelled set the theme names, the figures `baken eval` gives
// on the same file (computed here with evaluate()), whether the goals are met, the hit rate per
// indicator and the ids of the ads it got wrong, never their texts; a saved profile change is
// measured at once. Works on a private copy of the crawl: it changes the profile.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { analyseBatch } from '../../src/analyse/analyse-batch.ts';
import { compileProfile } from '../../src/analyse/compile-profile.ts';
import { evaluate, type Evaluation } from '../../src/analyse/evaluate.ts';
import { parseLabelledAds, type LabelledSet } from '../../src/analyse/labelled-ads.ts';
import { evaluationPath } from '../../src/config/evaluation-sets.ts';
import { loadConfig } from '../../src/config/load.ts';
import { percent } from '../../dashboard/src/app/admin/format.ts';
import { ACCOUNTS, keepScreenshot, openBrowser, privateDemoData, problemsOf, seriousViolations, serveDashboard, signIn, type PrivateDemoData, type Served, type Ui } from './harness.ts';

async function clean(page: Page): Promise<void> {
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problemsOf(page), []);
}

/** What `baken eval` says of each set of the mensenhandel theme, on the served configuration. */
function expected(configDir: string): { name: string; set: LabelledSet; e: Evaluation }[] {
  const config = loadConfig(configDir);
  const theme = config.themes.get('mensenhandel')!;
  const profile = config.profiles.get(theme.profile)!;
  const compiled = compileProfile(profile);
  return theme.evaluation.map(({ name, file }) => {
    const set = parseLabelledAds(readFileSync(evaluationPath(configDir, file), 'utf8'), file);
    return { name, set, e: evaluate(compiled, set.labelled, analyseBatch(compiled, set.ads)) };
  });
}

const goal = (met: boolean) => (met ? 'gehaald ✓' : 'niet gehaald ✗');

describe('dashboard: a profile\'s evaluation on labelled ads', () => {
  let data: PrivateDemoData;
  let served: Served;
  let ui: Ui;
  let page: Page;
  const setOf = (name: string): Locator => page.locator('section.evaluation-set', { has: page.locator('h4', { hasText: `Set ${name}` }) });

  before(async () => {
    data = await privateDemoData('evaluation');
    served = await serveDashboard(data);
    ui = await openBrowser();
    page = await ui.newPage();
    await signIn(page, served.url, ACCOUNTS.admin);
  });
  after(async () => {
    await ui?.close();
    await served?.stop();
    data?.remove();
  });

  test('the admin opens the profile and sees per set the figures baken eval gives, the goals, the indicators and the wrong ids', async () => {
    await page.getByRole('link', { name: 'Profielen' }).click();
    await page.waitForURL(/\/admin\/profiles$/);
    await page.getByRole('button', { name: 'mensenhandel openen' }).click();
    await page.getByRole('heading', { name: 'Evaluatie op gelabelde advertenties' }).waitFor();
    const sets = expected(data.configDir);
    assert.deepEqual(sets.map((s) => s.name), ['dev', 'heldout']);
    for (const { name, set, e } of sets) {
      const section = setOf(name);
      await section.waitFor();
      const { tp, fp, tn, fn } = e.counts;
      assert.match(await section.innerText(), new RegExp(`${e.ads} advertenties: ${tp + fn} flag, ${fp + tn} clean\\.`));
      const row = (cls: string) => section.locator(`table.figures tr.${cls}`).innerText();
      assert.match(await row('precision'), new RegExp(`Precisie\\s+${percent(e.precision, 'nl-NL')}\\s+${tp} van ${tp + fp} bewaarde advertenties zijn flag`));
      assert.match(await row('recall'), new RegExp(`Recall\\s+${percent(e.recall, 'nl-NL')}\\s+${tp} van ${tp + fn} flag-advertenties bewaard\\s+minstens 90%: ${goal(e.recall! >= 0.9)}`));
      assert.match(await row('clean-kept'), new RegExp(`Clean bewaard\\s+${percent(e.cleanKeptRate, 'nl-NL')}\\s+${fp} van ${fp + tn} clean advertenties bewaard\\s+hoogstens 10%: ${goal(e.cleanKeptRate! <= 0.1)}`));

      const rates = await section.locator('table.indicator-rates tbody tr').allInnerTexts();
      assert.equal(rates.length, e.indicators.length);
      const first = e.indicators[0]!;
      assert.match(rates[0]!, new RegExp(`${first.id}\\s+${first.weight}\\s+${first.flag.hits} van ${first.flag.ads}`));

      const ids = async (cls: string) => (await section.locator(`ul.${cls} li code`).allInnerTexts());
      assert.deepEqual(await ids('misses'), e.misses.map((m) => m.id));
      assert.deepEqual(await ids('false-keeps'), e.falseKeeps.map((m) => m.id));
      const shown = await section.innerText();
      for (const wrong of [...e.misses, ...e.falseKeeps]) {
        const ad = set.ads.find((a) => a.id === wrong.id)!;
        assert.ok(!shown.includes(String(ad.fields.text).slice(0, 30)), `the text of ${wrong.id} is on the page`);
        assert.ok(!shown.includes(String(ad.fields.title)), `the title of ${wrong.id} is on the page`);
      }
    }
    await clean(page);
    await setOf('dev').scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'admin-profile-evaluation-nl');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Evaluation on labelled ads' }).waitFor();
    const dev = sets[0]!.e;
    assert.match(await setOf('dev').locator('table.figures tr.recall').innerText(), new RegExp(`Recall\\s+${percent(dev.recall, 'en-GB')}\\s+${dev.counts.tp} of`));
    await clean(page);
    await keepScreenshot(page, 'admin-profile-evaluation-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  test('a saved profile change is measured at once', async () => {
    const editor = page.locator('#config-doc');
    const original = await editor.inputValue();
    const threshold = Number(/"threshold": (\d+)/.exec(original)![1]);
    // fill() types the 50 kB profile in over a minute; the editor takes its value from the input
    // event alone, as when an admin pastes a document.
    await editor.evaluate((e: HTMLTextAreaElement, text) => { e.value = text; e.dispatchEvent(new Event('input', { bubbles: true })); },
      original.replace(/"threshold": \d+/, `"threshold": ${threshold + 100}`));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'mensenhandel opgeslagen.' }).waitFor();
    const raised = expected(data.configDir);
    assert.equal(raised[0]!.e.threshold, threshold + 100, 'the served configuration has the change');
    const dev = raised[0]!.e;
    await page.getByText(`Profiel mensenhandel van thema mensenhandel (bewaart een advertentie vanaf score ${threshold + 100})`).waitFor();
    assert.match(await setOf('dev').locator('table.figures tr.recall').innerText(),
      new RegExp(`Recall\\s+${percent(dev.recall, 'nl-NL')}\\s+0 van ${dev.counts.fn} flag-advertenties bewaard\\s+minstens 90%: niet gehaald ✗`));
    assert.equal(await setOf('dev').locator('ul.misses li code').count(), dev.misses.length);
    await clean(page);
  });

  test('a theme without labelled sets says where the operator names them', async () => {
    await page.getByRole('button', { name: 'toezicht openen' }).click();
    await page.getByText('Voor thema toezicht zijn geen gelabelde sets ingesteld.', { exact: false }).waitFor();
    assert.equal(await page.locator('section.evaluation-set').count(), 0);
    await clean(page);
  });
});
