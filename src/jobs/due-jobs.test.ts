import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config/load.ts';
import { dueJobs, latestSlot, MAX_ATTEMPTS, nextDue, nextSlot, retryAt } from './due-jobs.ts';

const BUNDLED = loadConfig(new URL('../../config', import.meta.url).pathname);
const at = (iso: string) => new Date(iso);

describe('due jobs', () => {
  it('put a daily schedule\'s slot at its time of day, the same slot all day', () => {
    assert.equal(latestSlot('1d', '03:00', at('2026-05-10T02:59:59.999Z')).toISOString(), '2026-05-09T03:00:00.000Z');
    assert.equal(latestSlot('1d', '03:00', at('2026-05-10T03:00:00.000Z')).toISOString(), '2026-05-10T03:00:00.000Z');
    assert.equal(latestSlot('1d', '03:00', at('2026-05-10T23:00:00.000Z')).toISOString(), '2026-05-10T03:00:00.000Z');
    assert.equal(nextSlot('1d', '03:00', at('2026-05-10T23:00:00.000Z')).toISOString(), '2026-05-11T03:00:00.000Z');
  });

  it('step short intervals from midnight UTC, and long ones from the same fixed day on every machine', () => {
    assert.equal(latestSlot('30m', undefined, at('2026-05-10T10:59:00.000Z')).toISOString(), '2026-05-10T10:30:00.000Z');
    assert.equal(latestSlot('6h', undefined, at('2026-05-10T17:00:00.000Z')).toISOString(), '2026-05-10T12:00:00.000Z');
    const week = latestSlot('7d', '04:00', at('2026-05-10T12:00:00.000Z'));
    assert.equal(week.toISOString().slice(11), '04:00:00.000Z');
    assert.ok(at('2026-05-10T12:00:00.000Z').getTime() - week.getTime() < 7 * 86_400_000);
    assert.equal(latestSlot('7d', '04:00', at('2026-05-11T12:00:00.000Z')).getTime(), week.getTime(), 'a day later, still the same week\'s slot');
  });

  it('give every schedule its latest slot and every theme a daily purge', () => {
    const jobs = dueJobs(BUNDLED, at('2026-05-10T12:00:00.000Z'));
    const purges = jobs.filter((j) => j.kind === 'purge');
    assert.deepEqual(purges.map((j) => [j.theme, j.schedule, j.slot]).sort(), [
      ['mensenhandel', 'retention:mensenhandel', '2026-05-10T02:00:00.000Z'],
      ['toezicht', 'retention:toezicht', '2026-05-10T02:00:00.000Z'],
    ]);
    const daily = jobs.find((j) => j.schedule === 'mensenhandel-daily');
    assert.deepEqual(daily, { kind: 'crawl', theme: 'mensenhandel', source: null, schedule: 'mensenhandel-daily', slot: '2026-05-10T03:00:00.000Z' });
    assert.equal(jobs.length, BUNDLED.schedules.size + BUNDLED.themes.size);
  });

  it('sleep until the soonest next slot', () => {
    assert.equal(nextDue(BUNDLED, at('2026-05-10T02:30:00.000Z')).toISOString(), '2026-05-10T03:00:00.000Z');
    assert.equal(nextDue(BUNDLED, at('2026-05-10T03:30:00.000Z')).toISOString(), '2026-05-11T02:00:00.000Z');
  });

  it('retry a failed job later each time, and give up after the last attempt', () => {
    const now = at('2026-05-10T12:00:00.000Z');
    assert.equal(retryAt(1, now)?.toISOString(), '2026-05-10T12:05:00.000Z');
    assert.equal(retryAt(2, now)?.toISOString(), '2026-05-10T12:10:00.000Z');
    assert.equal(retryAt(MAX_ATTEMPTS, now), null);
  });
});
