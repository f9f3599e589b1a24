// Matching against the demo municipality's own files: the licence register, KvK extract and crime
// reports under config/reference/toezicht are read and checked as an import reads them, and every
// demo ad's municipality and licence status come out as the demo planted them (demo/references.ts,
// demo/places.ts: written from the CBS list, not from src/municipal).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { matchAd, postcodeMunicipalities, type ReferenceSet } from '../src/municipal/match.ts';
import { resolvePlace } from '../src/municipal/places.ts';
import { readTable } from '../src/municipal/read-table.ts';
import { checkRows } from '../src/municipal/reference-rows.ts';
import { LICENCE_STATUSES, type ReferenceKind, type ReferenceRows } from '../src/municipal/types.ts';
import { generateWorld } from '../demo/generate.ts';
import { DEMO_SEED, REFERENCE_DIR } from '../demo/reference-files.ts';
import { truthOf } from '../demo/truth.ts';
import { DAY_ZERO } from '../demo/world.ts';

const theme = loadConfig(new URL('../config', import.meta.url).pathname).themes.get('toezicht')!;

async function rows<K extends ReferenceKind>(kind: K, file: string): Promise<ReferenceRows[K][]> {
  const checked = checkRows(kind, await readTable(readFileSync(join(REFERENCE_DIR, file))), theme.reference[kind]?.columns);
  assert.ok(checked.ok, `${file}: ${JSON.stringify(checked.ok ? [] : checked.errors.slice(0, 3))}`);
  return checked.rows;
}

describe('matching the demo ads against the demo register', () => {
  it('gives every demo ad the municipality and licence status the demo planted', async () => {
    const refs: ReferenceSet = { licences: await rows('licences', 'vergunningen.csv'), kvk: await rows('kvk', 'kvk.csv'), reports: await rows('reports', 'meldingen.csv') };
    const postcodes = postcodeMunicipalities(refs);
    const ads = truthOf(generateWorld({ seed: DEMO_SEED, day: 0 }), 'http://demo.invalid').ads.filter((ad) => !ad.hostile);
    const wrong: string[] = [];
    const seen = new Map<string, number>();
    for (const ad of ads) {
      const place = resolvePlace(ad.fields.city, postcodes);
      const code = place.status === 'resolved' ? place.municipality.code : null;
      if (place.status !== ad.municipality.status || code !== ad.municipality.code) wrong.push(`${ad.id} "${ad.fields.city}": ${place.status} ${code}, planted ${ad.municipality.status} ${ad.municipality.code}`);
      const status = matchAd(ad.fields, place, refs, DAY_ZERO).licence.status;
      if (status !== ad.licence) wrong.push(`${ad.id} licence ${ad.fields.licence ?? '(none)'}: ${status}, planted ${ad.licence}`);
      seen.set(status, (seen.get(status) ?? 0) + 1);
    }
    assert.deepEqual(wrong, []);
    for (const status of LICENCE_STATUSES) assert.ok((seen.get(status) ?? 0) >= 3, `status ${status} seen ${seen.get(status) ?? 0} times`);
  });
});
