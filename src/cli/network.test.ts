import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import type { AnalysisInput } from '../analyse/analysis-input.ts';
import { findNetwork } from './network.ts';

const config = loadConfig(new URL('../../config', import.meta.url).pathname);
const kept: Record<string, AnalysisInput[]> = {
  mensenhandel: [
    { id: 'a', fields: { phones: ['+31611111111'] } },
    { id: 'b', fields: { phones: ['+31611111111'] } },
    { id: 'c', fields: { phones: ['+31622222222'] } },
  ],
  toezicht: [],
};
const load = async (theme: string) => kept[theme] ?? [];

describe('baken network', () => {
  it('finds the network of a kept ad in whichever theme keeps it, with the reason of every link', async () => {
    assert.deepEqual(await findNetwork(config, load, 'b'), {
      ad: 'b', theme: 'mensenhandel', ads: ['a', 'b'],
      links: [{ a: 'a', b: 'b', reason: 'shared-phone', value: '+31611111111' }],
    });
  });

  it('says when the ad is not kept in the themes asked, or the theme does not exist', async () => {
    await assert.rejects(findNetwork(config, load, 'a', 'toezicht'),
      (e) => e instanceof BakenError && e.code === 'NOT_FOUND' && e.message === 'no kept ad a in theme "toezicht"');
    await assert.rejects(findNetwork(config, load, 'a', 'nope'), (e) => e instanceof BakenError && e.code === 'THEME_UNKNOWN');
  });
});
