// The behaviour every adapter of the reference-data port must show; run by api-stores.contract.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LicenceRow, ReferenceImport } from '../municipal/types.ts';
import type { ReferenceStore } from './reference-data.ts';

type Opener = () => Promise<{ reference: ReferenceStore; cleanup(): Promise<void> }>;

const licence = (n: number): LicenceRow => ({
  licence: `HLM-${n}`, businessName: `Club ${n}`, address: `Straat ${n}`, postcode: '2011 AB', municipality: '0392', validFrom: '2026-01-01', validTo: null,
});
const entry = (over: Partial<Omit<ReferenceImport, 'id' | 'version'>> = {}): Omit<ReferenceImport, 'id' | 'version'> => ({
  theme: 'toezicht', kind: 'licences', fileName: 'vergunningen.csv', sha256: 'a'.repeat(64), rows: 2, importedBy: 'carla',
  importedAt: '2026-03-01T10:00:00.000Z', ...over,
});

export function referenceDataContract(name: string, open: Opener): void {
  const test = (title: string, body: (reference: ReferenceStore) => Promise<void>): void => {
    it(title, async () => {
      const ports = await open();
      try { await body(ports.reference); } finally { await ports.cleanup(); }
    });
  };

  describe(`reference data contract: ${name}`, () => {
    test('keeps an import as version 1 with its rows in file order', async (reference) => {
      const rows = [licence(2), licence(1)];
      const added = await reference.addImport(entry(), rows);
      assert.deepEqual({ ...added, id: 'x' }, { ...entry(), id: 'x', version: 1 });
      assert.deepEqual(await reference.currentRows('toezicht', 'licences'), { version: added, rows });
      assert.deepEqual(await reference.imports(['toezicht']), [added]);
    });

    test('makes the next import of a kind the current version, keeps the older listed, and numbers kinds and themes apart', async (reference) => {
      const v1 = await reference.addImport(entry(), [licence(1)]);
      const kvk = await reference.addImport(entry({ kind: 'kvk', importedAt: '2026-03-01T11:00:00.000Z' }), []);
      const other = await reference.addImport(entry({ theme: 'toezicht-zuid', importedAt: '2026-03-01T12:00:00.000Z' }), [licence(9)]);
      const v2 = await reference.addImport(entry({ fileName: 'nieuw.xlsx', importedAt: '2026-03-02T10:00:00.000Z' }), [licence(3)]);
      assert.deepEqual([v1.version, kvk.version, other.version, v2.version], [1, 1, 1, 2]);
      assert.deepEqual(await reference.currentRows('toezicht', 'licences'), { version: v2, rows: [licence(3)] });
      assert.deepEqual(await reference.imports(['toezicht']), [v2, kvk, v1], 'newest first, only the themes asked for');
      assert.deepEqual(await reference.imports([]), []);
    });

    test('deletes an import with its rows once; the version before it is current again, and its number is not given out again', async (reference) => {
      const v1 = await reference.addImport(entry(), [licence(1)]);
      const v2 = await reference.addImport(entry({ importedAt: '2026-03-02T10:00:00.000Z' }), [licence(2)]);
      assert.equal(await reference.deleteImport(v2.id), true);
      assert.equal(await reference.deleteImport(v2.id), false);
      assert.deepEqual(await reference.currentRows('toezicht', 'licences'), { version: v1, rows: [licence(1)] });
      const v3 = await reference.addImport(entry({ importedAt: '2026-03-03T10:00:00.000Z' }), [licence(3)]);
      assert.equal(v3.version, 3);
    });

    test('answers no version and no rows for a kind never imported', async (reference) => {
      assert.deepEqual(await reference.currentRows('toezicht', 'reports'), { version: null, rows: [] });
    });

    test('gives concurrent imports of one kind distinct, consecutive versions', async (reference) => {
      const added = await Promise.all([1, 2, 3, 4].map((n) => reference.addImport(entry(), [licence(n)])));
      assert.deepEqual(added.map((a) => a.version).sort(), [1, 2, 3, 4]);
    });

    test('keeps a large file whole', async (reference) => {
      const rows = Array.from({ length: 12_345 }, (_, i) => licence(i));
      await reference.addImport(entry({ rows: rows.length }), rows);
      const current = await reference.currentRows('toezicht', 'licences');
      assert.equal(current.rows.length, rows.length);
      assert.deepEqual(current.rows.at(-1), licence(12_344));
    });
  });
}
