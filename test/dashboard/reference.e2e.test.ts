// The reference-data page in real Chromium against `baken serve`: a supervisor uploads a good file and
// sees it as the version in force; a file with bad rows is refused with each row's error in a table,
// and the version in force stays. Works on a private copy of the crawl: it imports files.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ACCOUNTS, keepScreenshot, openBrowser, privateDemoData, problemsOf, seriousViolations, serveDashboard, signIn, type PrivateDemoData, type Served, type Ui } from './harness.ts';

const HEADER = 'Datum,Gemeente,Categorie,Omschrijving';
const csv = (text: string) => ({ mimeType: 'text/csv', buffer: Buffer.from(text) });

async function clean(page: Page): Promise<void> {
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problemsOf(page), []);
}

/** The rows of the crime reports' versions table: version in force first. */
async function reportVersions(page: Page): Promise<string[]> {
  return page.locator('section.reference-kind[data-kind=reports] tbody tr').allInnerTexts();
}

describe('dashboard: reference data', () => {
  let data: PrivateDemoData;
  let served: Served;
  let ui: Ui;
  let page: Page;

  before(async () => {
    data = await privateDemoData('reference');
    served = await serveDashboard(data);
    ui = await openBrowser();
    page = await ui.newPage();
    await signIn(page, served.url, ACCOUNTS.supervisor);
  });
  after(async () => {
    await ui?.close();
    await served?.stop();
    data?.remove();
  });

  test('a supervisor uploads crime reports and sees them as the version in force', async () => {
    await page.getByRole('link', { name: 'Referentiegegevens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Referentiegegevens' }).waitFor();
    await page.locator('#reference-kind').selectOption('reports');
    await page.locator('#reference-file').setInputFiles({ name: 'meldingen-november.csv', ...csv(`${HEADER}\n01-11-2026,0392,Overlast,Veel bezoek laat op de avond\n`) });
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.locator('p.status', { hasText: 'meldingen-november.csv: 1 regels ingelezen' }).waitFor();
    // The newest version, numbered after every one listed (the demo may have imported some).
    const versions = await reportVersions(page);
    assert.match(versions[0]!, new RegExp(`^${versions.length} · Geldende versie\\s+meldingen-november\\.csv\\s+1\\s+toezichthouder`));
    await clean(page);
    await keepScreenshot(page, 'reference-imported-nl');
  });

  test('a file with bad rows is refused with each row\'s error, and the version in force stays', async () => {
    const before = await reportVersions(page);
    await page.locator('#reference-kind').selectOption('reports');
    await page.locator('#reference-file').setInputFiles({ name: 'fout.csv', ...csv(`${HEADER}\n31-02-2026,0392,Overlast,x\n01-11-2026,9999,Overlast,y\n`) });
    await page.getByRole('button', { name: 'Inlezen' }).click();
    const errors = page.locator('#row-errors');
    await errors.waitFor();
    assert.equal(await errors.locator('h3').innerText(), 'fout.csv is niet ingelezen: 2 regel(s) met fouten. Verbeter het bestand en lees het opnieuw in.');
    assert.deepEqual(await errors.locator('tbody tr').allInnerTexts(), [
      '2\tdate\t"31-02-2026" is no date (expected dd-mm-jjjj or jjjj-mm-dd, a day that exists)',
      '3\tmunicipality\t"9999" is no known CBS municipality code',
    ]);
    assert.deepEqual(await reportVersions(page), before);
    await clean(page);
    await keepScreenshot(page, 'reference-refused-nl');
  });

  test('an admin finds the same versions under Administration, and deletes one after confirming', async () => {
    const admin = await ui.newPage('en');
    await signIn(admin, served.url, ACCOUNTS.admin);
    await admin.getByRole('link', { name: 'Reference data' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Reference data' }).waitFor();
    const before = await reportVersions(admin);
    assert.match(before[0]!, /\s+meldingen-november\.csv\s+1\s+toezichthouder/);
    await admin.getByRole('button', { name: `Delete version ${before.length} of Crime reports` }).click();
    await admin.getByRole('button', { name: 'Yes, delete' }).click();
    await admin.locator('p.status', { hasText: `Version ${before.length} of Crime reports deleted.` }).waitFor();
    assert.deepEqual(await reportVersions(admin), before.slice(1).map((row, i) => (i === 0 ? row.replace(' · Earlier version', ' · Version in force') : row)));
    await clean(admin);
  });
});
