// What a crawl request may crawl, on the bundled configuration: the theme's own sources only, one of
// them when asked, and nothing outside the theme's purpose period — each refusal with its reason.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { planCrawl } from './plan-crawl.ts';

const CONFIG = loadConfig(new URL('../../config', import.meta.url).pathname);
const IN_PERIOD = new Date('2026-06-01T12:00:00.000Z');

const refusal = (code: string, message: string) => (e: unknown) => e instanceof BakenError && e.code === code && e.message === message;

describe('planCrawl', () => {
  it('plans every source of the theme, and none of another theme', () => {
    const { theme, sources } = planCrawl(CONFIG, { theme: 'mensenhandel' }, IN_PERIOD);
    assert.equal(theme.id, 'mensenhandel');
    assert.deepEqual(sources.map((s) => s.id).sort(), ['mensenhandel-classic', 'mensenhandel-swipe', 'mensenhandel-velvet']);
  });

  it('plans only the source asked for', () => {
    assert.deepEqual(planCrawl(CONFIG, { theme: 'toezicht', source: 'toezicht-velvet' }, IN_PERIOD).sources.map((s) => s.id), ['toezicht-velvet']);
  });

  it('refuses a source of another theme, naming the theme\'s own', () => {
    assert.throws(() => planCrawl(CONFIG, { theme: 'mensenhandel', source: 'toezicht-classic' }, IN_PERIOD), refusal('SOURCE_UNKNOWN',
      'theme "mensenhandel" has no source "toezicht-classic" (it has: mensenhandel-classic, mensenhandel-swipe, mensenhandel-velvet)'));
  });

  it('refuses an unknown theme', () => {
    assert.throws(() => planCrawl(CONFIG, { theme: 'elders' }, IN_PERIOD), refusal('THEME_UNKNOWN', `no theme "elders" in ${CONFIG.dir}/themes`));
  });

  it('refuses a crawl outside the purpose period, on the first day after and the last day before', () => {
    for (const at of ['2031-01-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z']) {
      assert.throws(() => planCrawl(CONFIG, { theme: 'mensenhandel' }, new Date(at)), (e: unknown) => e instanceof BakenError && e.code === 'PURPOSE_EXPIRED', at);
    }
    assert.equal(planCrawl(CONFIG, { theme: 'mensenhandel' }, new Date('2030-12-31T23:59:59.999Z')).theme.id, 'mensenhandel');
  });
});
