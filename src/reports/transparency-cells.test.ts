// Suppression in the transparency report cannot be undone by differencing periods: two reports over
// overlapping periods publish the same cells for the months they share, and a period total only
// where every month of it is shown, so no difference of them gives back a suppressed month.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { publishedTheme, type PublishedTheme } from './transparency-cells.ts';
import { FIGURE_KIND, FIGURE_SUMS, FIGURES, zeroCounts, type Counts } from './transparency-figures.ts';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const MIN = 5;

/** Deterministic counts, many of them small: a month of busy and quiet figures. */
function months(seed: number): Map<string, Counts> {
  let x = seed;
  const next = () => { x = (x * 1103515245 + 12345) % 2147483648; return x; };
  return new Map(MONTHS.map((m) => {
    const c = zeroCounts();
    for (const f of FIGURES) if (!f.includes(':') && FIGURE_SUMS.every((s) => s.total !== f)) c[f] = next() % 3 === 0 ? next() % MIN : next() % 40;
    c.sources = 1 + (next() % 3);
    // Totals and parts that add up, as the real figures do.
    for (const p of ['searches', 'reads'] as const) {
      const roles = [next() % 12, next() % 12, next() % 12];
      c[`${p}:expert`] = roles[0]!; c[`${p}:analyst`] = roles[1]!; c[`${p}:supervisor`] = roles[2]!;
      c[p] = roles[0]! + roles[1]! + roles[2]!;
      c[`${p}:case`] = next() % (c[p] + 1);
      c[`${p}:signal-research`] = c[p] - c[`${p}:case`];
    }
    c.captured = c.kept + c['deleted-at-gate'] + c['staged-deleted'];
    c.pages = c.captured + c.failed;
    return [m, c];
  }));
}

const report = (all: Map<string, Counts>, from: number, to: number): PublishedTheme =>
  publishedTheme(new Map([...all].slice(from, to + 1)), 3, MIN);

describe('transparency cells', () => {
  it('hides a small month from a period total, so subtracting an overlapping period gives nothing back', () => {
    const all = new Map(MONTHS.slice(0, 3).map((m, i) => {
      const c = zeroCounts();
      c.kept = i === 0 ? 2 : 10; c['deleted-at-gate'] = 20; c['staged-deleted'] = 6; c.captured = c.kept + 26; c.pages = c.captured;
      return [m, c];
    }));
    const [long, short] = [report(all, 0, 2), report(all, 1, 2)];
    assert.equal(long.months[0]!.figures.kept, null, 'January\'s 2 kept ads are below the threshold');
    assert.equal(long.period.kept, null, 'a total that includes a hidden month is hidden');
    assert.equal(short.period.kept, 20);
    assert.equal(long.months[0]!.figures['staged-deleted'], null, 'captured = kept + deleted at the gate + after staging would give the 2 back');
    assert.equal(long.period['staged-deleted'], null);
  });

  it('never lets two overlapping reports reveal a suppressed month, whatever the counts', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const all = months(seed);
      const cells = report(all, 0, MONTHS.length - 1).months;
      for (let a = 0; a < MONTHS.length; a++) for (let b = a; b < MONTHS.length; b++) {
        const r = report(all, a, b);
        // The same month is published the same way in every report that covers it.
        r.months.forEach((m, i) => assert.deepEqual(m.figures, cells[a + i]!.figures, `seed ${seed}: ${m.month} differs between reports`));
        for (const f of FIGURES) {
          if (FIGURE_KIND[f] !== 'sum' || r.period[f] === null) continue;
          // A shown total is the sum of shown months only: any difference of two of them is a sum of
          // shown cells, so it never equals a hidden month's count unless that is already shown.
          const months = r.months.map((m) => m.figures[f]);
          assert.ok(months.every((v) => v !== null), `seed ${seed}: ${f} over ${MONTHS[a]}..${MONTHS[b]} totals a hidden month`);
          assert.equal(r.period[f], months.reduce<number>((s, v) => s + v!, 0));
        }
      }
    }
  });

  it('leaves no suppressed count of a month to be worked out from that month\'s own sums', () => {
    for (let seed = 1; seed <= 40; seed++) {
      for (const { figures } of report(months(seed), 0, MONTHS.length - 1).months) {
        for (const s of FIGURE_SUMS) {
          const hidden = [s.total, ...s.parts].filter((f) => figures[f] === null);
          assert.notEqual(hidden.length, 1, `seed ${seed}: ${s.total} = ${s.parts.join(' + ')} gives back ${hidden.join()}`);
        }
        for (const f of FIGURES) if (figures[f] !== null && f !== 'sources') assert.ok(figures[f]! >= MIN, `seed ${seed}: ${f} = ${figures[f]} shown`);
      }
    }
  });
});
