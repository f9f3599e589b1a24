import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SearchColumns, type ColumnQuery, type SearchRow } from './search-columns.ts';

const DAY = 86_400_000;
const base = (q: Partial<ColumnQuery> = {}): ColumnQuery => ({ themes: ['mensenhandel'], candidates: null, facets: false, limit: 20, offset: 0, ...q });

function row(rid: number, r: Partial<SearchRow> = {}): SearchRow {
  const seen = new Date(Date.UTC(2025, 2, 1) + rid * DAY).toISOString();
  return { rid, theme: 'mensenhandel', source: 'site-a', cityKey: 'utrecht', score: 5, indicatorCount: 1, firstSeen: seen, lastSeen: seen, ...r };
}

function columns(...rows: SearchRow[]): SearchColumns {
  const c = new SearchColumns();
  for (const r of rows) c.upsert(r);
  return c;
}

/** A small deterministic generator, so a failing case can be run again. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe('search columns', () => {
  it('rank by score, then the latest seen, then the oldest rid, and page through that order', () => {
    const c = columns(
      row(1, { score: 3 }), row(2, { score: 9 }), row(3, { score: 9, lastSeen: '2025-01-01T00:00:00.000Z' }),
      row(4, { score: 9, lastSeen: '2025-01-01T00:00:00.000Z' }), row(5, { score: 1 }),
    );
    assert.deepEqual(c.query(base()).page, [2, 3, 4, 1, 5]);
    assert.deepEqual(c.query(base({ limit: 2, offset: 2 })).page, [4, 1]);
    assert.deepEqual(c.query(base({ limit: 2, offset: 4 })).page, [5]);
    assert.deepEqual(c.query(base({ offset: 9 })), { total: 5, page: [] });
  });

  it('rank and count exactly as a full sort and a plain count would, on many random ads', () => {
    const next = random(7);
    const rows = Array.from({ length: 3000 }, (_, k) => row(k + 1, {
      score: Math.floor(next() * 30), source: `site-${Math.floor(next() * 4)}`, cityKey: next() < 0.1 ? null : `stad-${Math.floor(next() * 12)}`,
      lastSeen: new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 200) * DAY).toISOString(),
    }));
    const c = columns(...rows);
    for (let n = 0; n < 20; n++) {
      const candidates = next() < 0.5 ? null : rows.filter(() => next() < 0.3).map((r) => r.rid);
      const q = base({ candidates, minScore: next() < 0.5 ? Math.floor(next() * 30) : undefined, source: next() < 0.3 ? 'site-1' : undefined,
        limit: 1 + Math.floor(next() * 50), offset: Math.floor(next() * 200), facets: true });
      const want = rows
        .filter((r) => (candidates === null || candidates.includes(r.rid)) && r.score >= (q.minScore ?? 0) && (q.source === undefined || r.source === q.source))
        .sort((a, b) => b.score - a.score || b.lastSeen.localeCompare(a.lastSeen) || a.rid - b.rid);
      const got = c.query(q);
      assert.equal(got.total, want.length);
      assert.deepEqual(got.page, want.slice(q.offset, q.offset + q.limit).map((r) => r.rid));
      const cities = new Map<string, number>();
      for (const r of want) cities.set(r.cityKey ?? '(none)', (cities.get(r.cityKey ?? '(none)') ?? 0) + 1);
      assert.deepEqual(new Map(got.facets!.city.map((f) => [f.value, f.count])), cities);
    }
  });

  it('sort by last seen, newest and oldest exactly as a full sort would, and filter on indicator count and score band', () => {
    const next = random(11);
    const at = () => new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 60) * DAY).toISOString();
    const rows = Array.from({ length: 2000 }, (_, k) => row(k + 1, { score: Math.floor(next() * 30), indicatorCount: Math.floor(next() * 5), firstSeen: at(), lastSeen: at() }));
    const c = columns(...rows);
    const orders = {
      lastSeen: (a: SearchRow, b: SearchRow) => b.lastSeen.localeCompare(a.lastSeen) || b.score - a.score || a.rid - b.rid,
      newest: (a: SearchRow, b: SearchRow) => b.firstSeen.localeCompare(a.firstSeen) || a.rid - b.rid,
      oldest: (a: SearchRow, b: SearchRow) => a.firstSeen.localeCompare(b.firstSeen) || a.rid - b.rid,
    } as const;
    for (const [sort, order] of Object.entries(orders) as [keyof typeof orders, (a: SearchRow, b: SearchRow) => number][]) {
      const want = rows.filter((r) => r.indicatorCount >= 2 && r.score >= 10 && r.score < 20).sort(order);
      for (const offset of [10, Math.floor(want.length / 2) - 15, want.length - 20, want.length - 1, want.length]) {
        const got = c.query(base({ sort, minIndicators: 2, scoreBand: '10-19', limit: 30, offset }));
        assert.equal(got.total, want.length, sort);
        assert.deepEqual(got.page, want.slice(offset, offset + 30).map((r) => r.rid), `${sort} from ${offset}`);
      }
    }
  });

  it('filter on theme, source, city, minimum score and the period seen; unknown values match nothing', () => {
    const c = columns(
      row(1, { source: 'site-a', cityKey: 'utrecht', score: 2, firstSeen: '2025-01-01T00:00:00.000Z', lastSeen: '2025-02-01T00:00:00.000Z' }),
      row(2, { source: 'site-b', cityKey: 'breda', score: 8, firstSeen: '2025-03-01T00:00:00.000Z', lastSeen: '2025-04-01T00:00:00.000Z' }),
      row(3, { theme: 'toezicht', source: 'site-a', cityKey: 'utrecht', score: 8 }),
    );
    const rids = (q: Partial<ColumnQuery>) => c.query(base(q)).page.sort();
    assert.deepEqual(rids({}), [1, 2]);
    assert.deepEqual(rids({ themes: ['toezicht', 'mensenhandel'] }), [1, 2, 3]);
    assert.deepEqual(rids({ themes: [] }), []);
    assert.deepEqual(rids({ themes: ['onbekend'] }), []);
    assert.deepEqual(rids({ source: 'site-b' }), [2]);
    assert.deepEqual(rids({ source: 'site-z' }), []);
    assert.deepEqual(rids({ cityKey: 'utrecht' }), [1]);
    assert.deepEqual(rids({ cityKey: 'zwolle' }), []);
    assert.deepEqual(rids({ minScore: 8 }), [2]);
    assert.deepEqual(rids({ from: '2025-03-15T00:00:00.000Z' }), [2]);
    assert.deepEqual(rids({ to: '2025-02-15T00:00:00.000Z' }), [1]);
    assert.deepEqual(rids({ from: '2025-02-01T00:00:00.000Z', to: '2025-03-01T00:00:00.000Z' }), [1, 2], 'both bounds are inclusive');
    assert.deepEqual(rids({ candidates: [2, 3, 99_999] }), [2], 'candidates of other themes and unknown rids are ignored');
  });

  it('count each facet over every match, not only the page, and a null city as "(none)"', () => {
    const c = columns(
      row(1, { cityKey: 'utrecht', score: 12, indicatorCount: 2, lastSeen: '2025-03-01T10:00:00.000Z' }),
      row(2, { cityKey: 'utrecht', source: 'site-b', score: 3, lastSeen: '2025-03-09T10:00:00.000Z' }),
      row(3, { cityKey: null, score: 25, lastSeen: '2025-04-01T10:00:00.000Z' }),
    );
    assert.deepEqual(c.query(base({ facets: true, limit: 1 })), {
      total: 3, page: [3],
      facets: {
        city: [{ value: 'utrecht', count: 2 }, { value: '(none)', count: 1 }],
        source: [{ value: 'site-a', count: 2 }, { value: 'site-b', count: 1 }],
        indicatorCount: [{ value: '1', count: 2 }, { value: '2', count: 1 }],
        scoreBand: [{ value: '0-4', count: 1 }, { value: '10-19', count: 1 }, { value: '20+', count: 1 }],
        month: [{ value: '2025-03', count: 2 }, { value: '2025-04', count: 1 }],
      },
    });
  });

  it('follow a changed row and forget a deleted one', () => {
    const c = columns(row(1, { cityKey: 'utrecht', score: 1 }), row(2, { score: 2 }));
    c.upsert(row(1, { cityKey: 'breda', score: 9 }));
    c.delete(2);
    c.delete(77);
    const result = c.query(base({ facets: true }));
    assert.deepEqual(result.page, [1]);
    assert.deepEqual(result.facets!.city, [{ value: 'breda', count: 1 }]);
    assert.deepEqual(c.query(base({ cityKey: 'utrecht' })).page, []);
    c.upsert(row(2, { score: 2 }));
    assert.deepEqual(c.query(base()).page, [1, 2], 'a deleted rid can come back');
  });

  it('grow past their first capacity without losing rows', () => {
    const c = columns(row(1), row(5000, { score: 9 }), row(70_000, { score: 7 }));
    assert.deepEqual(c.query(base()).page, [5000, 70_000, 1]);
  });
});
