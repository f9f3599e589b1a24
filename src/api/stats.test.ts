// Figures through the API: one calendar month at a time, and for supervisors small counts hidden
// together with whatever would give them back (finding 6: differencing two overlapping periods).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';

const COUNTS = ['captured', 'kept', 'deleted', 'failed'] as const;
type Line = Record<(typeof COUNTS)[number], number | null>;
interface Stats { month: string; rows: (Line & { source: string | null; runs: number })[]; totals: Line[]; suppressedBelow: number | null }

describe('figures', { timeout: 60_000 }, () => {
  let w: ApiWorld;
  let supervisor: Session;
  let expert: Session;
  before(async () => {
    w = await openApiWorld();
    [supervisor, expert] = [await w.login('supervisor-toezicht'), await w.login('expert-toezicht')];
  });
  after(() => w?.close());

  const get = (url: string, session: Session) => w.app.inject({ method: 'GET', url, headers: session.headers });
  const stats = async (month: string, session: Session): Promise<Stats> => {
    const res = await get(`/api/stats?theme=toezicht&month=${month}`, session);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const run = async (source: string, finishedAt: string, counts: { captured: number; kept: number; deleted: number; failed: number }) => {
    const id = await w.store.startRun({ theme: 'toezicht', source, startedAt: finishedAt.replace(/T.*/, 'T01:00:00.000Z'), softwareVersion: 'test' });
    await w.store.finishRun(id, counts, finishedAt);
  };
  /** Every sum the answer publishes — captured = kept + deleted per line, each count's column = its total — has no lone hidden member. */
  const assertNothingGivenBack = (s: Stats) => {
    for (const line of [...s.rows, ...s.totals]) {
      const hidden = (['captured', 'kept', 'deleted'] as const).filter((c) => line[c] === null);
      assert.notEqual(hidden.length, 1, `captured = kept + deleted gives back ${hidden.join()} in ${JSON.stringify(line)}`);
    }
    for (const c of COUNTS) {
      const hidden = [...s.rows, ...s.totals].filter((line) => line[c] === null).length;
      assert.notEqual(hidden, 1, `the total of ${c} minus the shown rows gives back the hidden one: ${JSON.stringify(s)}`);
    }
  };

  it('refuses day ranges and any period but one calendar month, so two overlapping periods cannot be subtracted', async () => {
    // The old attack: March from the 1st and from the 2nd differ by the small counts of the 1st.
    for (const query of ['from=2025-03-01&to=2025-03-31', 'from=2025-03-02&to=2025-03-31', 'month=2025-3', 'month=2025-13', 'month=2025-03-02', '']) {
      const res = await get(`/api/stats?theme=toezicht&${query}`, supervisor);
      assert.deepEqual([res.statusCode, res.json().code], [400, 'INPUT_INVALID'], `${query}: ${res.body}`);
      assert.match(res.json().detail, /calendar month|month=YYYY-MM|month: /, `${query}: ${res.json().detail}`);
    }
  });

  it('gives supervisors figures only for months that have ended, since a running month changes as runs finish', async () => {
    const running = await get('/api/stats?theme=toezicht&month=2026-03', supervisor);
    assert.deepEqual([running.statusCode, running.json().code], [400, 'INPUT_INVALID']);
    assert.match(running.json().detail, /has not ended/);
    assert.equal((await get('/api/stats?theme=toezicht&month=2026-03', expert)).statusCode, 200, 'exact figures may be read as they grow');
  });

  it('counts each run once, in the month it finished, whoever asks', async () => {
    await run('toezicht-classic', '2025-04-30T23:59:00.000Z', { captured: 20, kept: 10, deleted: 10, failed: 5 });
    await run('toezicht-classic', '2025-05-01T00:01:00.000Z', { captured: 30, kept: 15, deleted: 15, failed: 5 });
    const [april, may] = [await stats('2025-04', expert), await stats('2025-05', expert)];
    assert.deepEqual(april.rows, [{ theme: 'toezicht', source: 'toezicht-classic', runs: 1, captured: 20, kept: 10, deleted: 10, failed: 5 }]);
    assert.deepEqual(may.rows, [{ theme: 'toezicht', source: 'toezicht-classic', runs: 1, captured: 30, kept: 15, deleted: 15, failed: 5 }]);
    assert.deepEqual(await stats('2025-04', supervisor), { ...april, suppressedBelow: 5 }, 'nothing small to hide');
  });

  it('hides a second count in a row whose one small count the row would give back', async () => {
    await run('toezicht-classic', '2025-06-10T10:00:00.000Z', { captured: 12, kept: 2, deleted: 10, failed: 6 });
    await run('toezicht-extra', '2025-06-11T10:00:00.000Z', { captured: 100, kept: 50, deleted: 50, failed: 6 });
    const exact = await stats('2025-06', expert);
    assert.equal(exact.suppressedBelow, null);
    assert.deepEqual(exact.rows.map((r) => [r.source, r.captured, r.kept, r.deleted, r.failed]), [['toezicht-classic', 12, 2, 10, 6], ['toezicht-extra', 100, 50, 50, 6]]);
    const shown = await stats('2025-06', supervisor);
    assert.equal(shown.suppressedBelow, 5);
    const small = shown.rows.find((r) => r.source === 'toezicht-classic')!;
    assert.equal(small.kept, null);
    assert.ok(small.captured === null || small.deleted === null, `kept = captured − deleted: ${JSON.stringify(small)}`);
    assertNothingGivenBack(shown);
  });

  it('never lets a total minus the shown rows give back a hidden count', async () => {
    // Only the failed count of one source is small; its row has no sum over failed, the total has.
    await run('toezicht-classic', '2025-07-10T10:00:00.000Z', { captured: 40, kept: 20, deleted: 20, failed: 3 });
    await run('toezicht-extra', '2025-07-11T10:00:00.000Z', { captured: 60, kept: 30, deleted: 30, failed: 9 });
    await run('toezicht-third', '2025-07-12T10:00:00.000Z', { captured: 80, kept: 40, deleted: 40, failed: 7 });
    const shown = await stats('2025-07', supervisor);
    assert.equal(shown.rows.find((r) => r.source === 'toezicht-classic')!.failed, null);
    assertNothingGivenBack(shown);
    assert.ok(shown.rows.filter((r) => r.failed === null).length + shown.totals.filter((t) => t.failed === null).length >= 2);
    // The fixture's own run (40 captured, 3 kept, 37 deleted, none failed) in March, alone in its month.
    assertNothingGivenBack(await stats('2025-03', supervisor));
  });

  it('keeps a supervisor to the municipal theme', async () => {
    assert.equal((await get('/api/stats?theme=mensenhandel&month=2025-03', supervisor)).statusCode, 404);
  });
});
