// The demo municipality's own files for the toezicht theme, as it would export them: the licence
// register, a Chamber of Commerce (KvK) extract, anonymous crime reports, and a register export with
// bad rows. Made from the default demo world (seed 1) by the planting in references.ts, so they hold
// for every day. Regenerate after changing the demo world:
//   ./node_modules/.bin/node demo/reference-files.ts
// demo/reference-files.test.ts fails while the committed files differ from what this makes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCsv, type CsvCell } from '../src/domain/csv.ts';
import { buildPopulation } from './population.ts';
import type { DemoLicence } from './references.ts';
import type { WorldSize } from './world.ts';

export const REFERENCE_DIR = fileURLToPath(new URL('../config/reference/toezicht/', import.meta.url));
export const DEMO_SEED = 1;

export const HEADERS = {
  licences: ['Vergunningnummer', 'Naam inrichting', 'Adres', 'Postcode', 'Plaats', 'Gemeente', 'Geldig vanaf', 'Geldig tot'],
  kvk: ['KvK-nummer', 'Handelsnaam', 'Adres', 'Postcode', 'Plaats', 'Gemeente', 'SBI', 'Telefoon'],
  reports: ['Datum', 'Gemeente', 'Categorie', 'Omschrijving'],
} as const;

/** Each bad row has exactly one fault, the ones an import must report by row number. */
export const BAD_ROWS: readonly { fault: string; row: readonly CsvCell[] }[] = [
  { fault: 'missing licence number', row: ['', 'Privéhuis Roos', 'Kerkstraat 4', '2011 AB', 'Haarlem', '0392', '01-03-2024', ''] },
  { fault: 'impossible date', row: ['P-2025-70001', 'Club Luna', 'Havenstraat 12', '3011 BC', 'Rotterdam', '0599', '31-02-2026', ''] },
  { fault: 'unknown municipality code', row: ['P-2025-70002', 'Massagesalon Mia', 'Molenweg 8', '1012 CE', 'Amsterdam', '9999', '01-01-2025', ''] },
  { fault: 'valid to before valid from', row: ['P-2025-70003', 'Escortbureau Vera', 'Stationsweg 30', '3511 EG', 'Utrecht', '0344', '01-06-2025', '01-01-2024'] },
];

/** The files of one demo world: the committed ones are the default world's (what `npm start` serves);
 *  a test crawling a smaller world writes that world's own. */
export function referenceFiles(seed = DEMO_SEED, size: WorldSize = 'default'): Record<string, string> {
  const { licences, kvk, reports } = buildPopulation(seed, size, false).references;
  const licenceRows = [...licences].sort((a, b) => a.licence.localeCompare(b.licence)).map(licenceRow);
  // The bad rows sit between good ones, so the reported row numbers are not simply the last ones.
  const withErrors = licenceRows.slice(0, 8).flatMap((row, i) => i % 2 === 1 ? [row, (BAD_ROWS[(i - 1) / 2] as { row: readonly CsvCell[] }).row] : [row]);
  return {
    'vergunningen.csv': toCsv(HEADERS.licences, licenceRows),
    'kvk.csv': toCsv(HEADERS.kvk, [...kvk].sort((a, b) => a.kvk.localeCompare(b.kvk)).map((r) =>
      [r.kvk, r.tradeName, r.address, r.postcode, r.place, r.code, r.sbi, r.phones.join(';')])),
    'meldingen.csv': toCsv(HEADERS.reports, [...reports].sort((a, b) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code))
      .map((r) => [dutchDate(r.date), r.code, r.category, r.text])),
    'vergunningen-met-fouten.csv': toCsv(HEADERS.licences, withErrors),
  };
}

function licenceRow(r: DemoLicence): CsvCell[] {
  return [r.licence, r.businessName, r.address, r.postcode, r.place, r.code, dutchDate(r.validFrom), r.validTo === null ? '' : dutchDate(r.validTo)];
}

/** "2026-03-02" → "02-03-2026", as a Dutch export writes dates. */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(REFERENCE_DIR, { recursive: true });
  for (const [name, text] of Object.entries(referenceFiles())) writeFileSync(join(REFERENCE_DIR, name), text);
  console.log(`wrote ${REFERENCE_DIR}`);
}
