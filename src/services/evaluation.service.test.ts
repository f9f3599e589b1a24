// The admin's evaluation of a theme's profile on the theme's labelled sets: the same figures as
// `baken eval`, only for a theme the admin holds, audited, without a text of any ad, and computed
// again only when the profile or the file changes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Who } from '../accounts/actor.ts';
import type { Role } from '../accounts/roles.ts';
import { analyseBatch } from '../analyse/analyse-batch.ts';
import { compileProfile } from '../analyse/compile-profile.ts';
import { evaluate } from '../analyse/evaluate.ts';
import { parseLabelledAds } from '../analyse/labelled-ads.ts';
import { folderConfiguration, type Configuration } from '../config/configuration.ts';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import type { Store } from '../store/store.ts';
import { AuditTrail } from './audit-trail.ts';

import { EvaluationService } from './evaluation.service.ts';

const BUNDLED = new URL('../../config', import.meta.url).pathname;

const who = (role: Role, themes: string[] = ['mensenhandel']): Who => ({
  actor: { kind: 'user', id: `${role}-id`, name: `${role}-user`, role, themes }, client: '127.0.0.1',
});
const admin = who('admin');

const refused = (code: string) => (e: unknown) => e instanceof BakenError && e.code === code;

describe('EvaluationService', () => {
  let root: string;
  let configDir: string;
  let store: Store;
  let config: Configuration;
  let service: EvaluationService;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'baken-evaluation-'));
    configDir = join(root, 'config');
    cpSync(BUNDLED, configDir, { recursive: true });
    store = await openSqliteStore(join(root, 'data'));
    config = folderConfiguration(configDir);
    service = new EvaluationService({ config, trail: new AuditTrail(store) });
  });
  after(async () => {
    await store?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('gives per configured set the figures evaluate() gives on the same file, in the theme\'s order', async () => {
    const answer = await service.ofTheme(admin, 'mensenhandel');
    assert.deepEqual(answer.sets.map((s) => s.name), ['dev', 'heldout']);
    const profile = compileProfile(config.current.profiles.get('mensenhandel')!);
    assert.equal(answer.profile, 'mensenhandel');
    assert.equal(answer.threshold, profile.threshold);
    for (const set of answer.sets) {
      const { ads, labelled } = parseLabelledAds(readFileSync(join(configDir, set.file), 'utf8'), set.file);
      const expected = evaluate(profile, labelled, analyseBatch(profile, ads));
      assert.equal(set.ads, expected.ads);
      assert.deepEqual(set.counts, expected.counts);
      assert.equal(set.precision, expected.precision);
      assert.equal(set.recall, expected.recall);
      assert.equal(set.cleanKeptRate, expected.cleanKeptRate);
      assert.deepEqual(set.indicators, expected.indicators);
      assert.deepEqual(set.misses, expected.misses.map(({ id, line, score }) => ({ id, line, score })));
      assert.deepEqual(set.falseKeeps, expected.falseKeeps.map(({ id, line, score }) => ({ id, line, score })));
      assert.deepEqual(set.goalsMet, { recall: expected.recall! >= 0.9, cleanKeptRate: expected.cleanKeptRate! <= 0.1 });
    }
  });

  it('answers with no title, text or matched span of any labelled ad', async () => {
    const evaluated = await service.ofTheme(admin, 'mensenhandel');
    for (const set of evaluated.sets) {
      for (const wrong of [...set.misses, ...set.falseKeeps]) assert.deepEqual(Object.keys(wrong), ['id', 'line', 'score']);
    }
    const answer = JSON.stringify(evaluated);
    assert.doesNotMatch(answer, /"(text|title|evidence|kind|field|start|end)":/);
    for (const file of ['dev', 'heldout']) {
      const { ads } = parseLabelledAds(readFileSync(join(configDir, `evaluation/mensenhandel/${file}.jsonl`), 'utf8'), file);
      for (const ad of ads) {
        for (const words of [ad.fields.text, ad.fields.title].map((s) => String(s)).filter((s) => s.length >= 16)) {
          assert.ok(!answer.includes(words.slice(0, 16)), `ad ${ad.id}'s words "${words.slice(0, 16)}" are in the answer`);
        }
      }
    }
  });

  it('records one config.evaluate event naming the theme, its profile and its sets', async () => {
    const from = (await store.readLog('audit')).length;
    await service.ofTheme(admin, 'mensenhandel');
    const events = (await store.readLog('audit')).slice(from).map((e) => e.body);
    assert.equal(events.length, 1);
    assert.deepEqual(
      { action: events[0]!.action, user: events[0]!.user, themes: events[0]!.themes, resources: events[0]!.resources, count: events[0]!.count },
      {
        action: 'config.evaluate', user: 'admin-user', themes: ['mensenhandel'],
        resources: ['profiles/mensenhandel', 'themes/mensenhandel/evaluation/dev', 'themes/mensenhandel/evaluation/heldout'], count: 2,
      },
    );
  });

  it('answers a theme that names no set with no sets', async () => {
    const answer = await service.ofTheme(who('admin', ['toezicht']), 'toezicht');
    assert.deepEqual({ profile: answer.profile, sets: answer.sets }, { profile: 'toezicht', sets: [] });
  });

  it('refuses another theme, an unknown theme and a role that may not read configuration, and records nothing', async () => {
    const from = (await store.readLog('audit')).length;
    await assert.rejects(service.ofTheme(admin, 'toezicht'), refused('NOT_FOUND'));
    await assert.rejects(service.ofTheme(admin, 'bestaat-niet'), refused('NOT_FOUND'));
    for (const role of ['expert', 'analyst', 'supervisor', 'auditor'] as const) {
      await assert.rejects(service.ofTheme(who(role), 'mensenhandel'), refused('FORBIDDEN'), role);
    }
    assert.equal((await store.readLog('audit')).length, from);
  });

  it('evaluates again once the profile changes, and not before', async () => {
    const first = await service.ofTheme(admin, 'mensenhandel');
    const again = await service.ofTheme(admin, 'mensenhandel');
    assert.equal(again.sets[0]!.indicators, first.sets[0]!.indicators, 'the very same figures: not computed again');
    const profile = config.current.profiles.get('mensenhandel')!;
    const stricter = new Map(config.current.profiles).set('mensenhandel', { ...profile, threshold: profile.threshold + 100 });
    config.current = { ...config.current, profiles: stricter };
    const after = await service.ofTheme(admin, 'mensenhandel');
    assert.equal(after.threshold, profile.threshold + 100);
    assert.deepEqual(after.sets.map((s) => s.recall), [0, 0], 'nothing reaches the raised threshold');
    config.current = loadConfig(configDir);
  });

  it('evaluates a set again once its file changes', async () => {
    const dev = join(configDir, 'evaluation-copy.jsonl');
    writeFileSync(dev, readFileSync(join(configDir, 'evaluation/mensenhandel/dev.jsonl')));
    const theme = config.current.themes.get('mensenhandel')!;
    config.current = { ...config.current, themes: new Map(config.current.themes).set('mensenhandel', { ...theme, evaluation: [{ name: 'copy', file: 'evaluation-copy.jsonl' }] }) };
    const before = (await service.ofTheme(admin, 'mensenhandel')).sets[0]!;
    appendFileSync(dev, `\n${JSON.stringify({ id: 'extra-clean', label: 'clean', title: 'Anna', text: 'Alleen op afspraak.' })}\n`);
    const after = (await service.ofTheme(admin, 'mensenhandel')).sets[0]!;
    assert.equal(after.ads, before.ads + 1);
    assert.equal(after.counts.tn, before.counts.tn + 1);
    writeFileSync(dev, '{"id": "x", "label": "maybe", "title": "t", "text": "t"}\n');
    await assert.rejects(service.ofTheme(admin, 'mensenhandel'),
      (e: unknown) => e instanceof BakenError && e.code === 'CONFIG_INVALID' && /themes\/mensenhandel: evaluation set "copy": evaluation-copy\.jsonl:1: label: expected "flag" or "clean", got "maybe"/.test(e.message));
    config.current = loadConfig(configDir);
  });
});
