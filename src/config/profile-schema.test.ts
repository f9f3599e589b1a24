import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from './load.ts';
import { BakenError } from '../domain/errors.ts';

const BUNDLED = new URL('../../config', import.meta.url).pathname;
const ok = { id: 'ok', label: 'L', description: 'D', kind: 'field', field: 'licence', missing: true, weight: 1 };

/** The error message of loading the bundled configuration with this as profiles/toezicht.yaml. */
function problemsWith(indicators: Record<string, unknown>[], extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'baken-profile-'));
  try {
    cpSync(BUNDLED, dir, { recursive: true });
    writeFileSync(join(dir, 'profiles/toezicht.yaml'), stringify({ id: 'toezicht', theme: 'toezicht', threshold: 1, ...extra, indicators }));
    loadConfig(dir);
  } catch (e) {
    assert.ok(e instanceof BakenError && e.code === 'CONFIG_INVALID', `expected CONFIG_INVALID, got ${String(e)}`);
    return e.message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.fail('expected the profile to be rejected');
}

describe('profile validation', () => {
  it('loads the bundled demo profiles with every kind of indicator', () => {
    const kinds = new Set(loadConfig(BUNDLED).profiles.get('mensenhandel')!.indicators.map((i) => i.kind));
    assert.deepEqual([...kinds].sort(), ['cross-ad', 'field', 'lexicon', 'pattern']);
  });

  it('names file, path and expectation for an unknown kind, a bad regular expression and a weight that is not a number', () => {
    const msg = problemsWith([
      { ...ok, id: 'a', kind: 'magic' },
      { id: 'b', label: 'L', description: 'D', kind: 'pattern', pattern: '(unclosed', weight: 1 },
      { ...ok, id: 'c', weight: 'heavy' },
    ]);
    assert.match(msg, /profiles\/toezicht\.yaml: indicators\.0\.kind: expected kind to be one of: lexicon, pattern, field, cross-ad/);
    assert.match(msg, /profiles\/toezicht\.yaml: indicators\.1\.pattern: expected a valid regular expression/);
    assert.match(msg, /profiles\/toezicht\.yaml: indicators\.2\.weight: expected a number/);
  });

  it('asks a field indicator for exactly one rule that fits its field', () => {
    const msg = problemsWith([
      { ...ok, id: 'a', missing: undefined },
      { ...ok, id: 'b', below: 20 },
      { ...ok, id: 'c', missing: undefined, field: 'city', count: { atLeast: 2 } },
      { ...ok, id: 'd', missing: undefined, field: 'age', priceBelowMedian: { factor: 2 } },
    ]);
    assert.match(msg, /indicators\.0: a field indicator needs exactly one rule of: missing, below, above, count, priceBelowMedian, obscuredPhone/);
    assert.match(msg, /indicators\.1: a field indicator needs exactly one rule of: .* \(found missing, below\)/);
    assert.match(msg, /indicators\.2\.count: expected a list field \(phones, languages, services, prices, images\), but field is "city"/);
    assert.match(msg, /indicators\.3\.priceBelowMedian\.factor: Too big: expected number to be <1/);
  });

  it('checks the signal and the parameters of a cross-ad indicator', () => {
    const crossAd = { label: 'L', description: 'D', kind: 'cross-ad', weight: 1 };
    const msg = problemsWith([
      { ...crossAd, id: 'a', signal: 'telepathy' },
      { ...crossAd, id: 'b', signal: 'shared-phone' },
      { ...crossAd, id: 'c', signal: 'movement', minCities: 'two' },
      { ...crossAd, id: 'd', signal: 'template-text', threshold: 0.3 },
      { ...crossAd, id: 'e', signal: 'shared-phone', minAliases: 2, withinDays: 3 },
    ]);
    assert.match(msg, /indicators\.0\.signal: expected signal to be one of: shared-phone, shared-image, template-text, movement, posting-frequency/);
    assert.match(msg, /indicators\.1: shared-phone needs "minAds" or "minAliases"/);
    assert.match(msg, /indicators\.2\.minCities: expected a number/);
    assert.match(msg, /indicators\.3\.threshold: Too small: expected number to be >=0\.6/);
    assert.match(msg, /indicators\.4: Unrecognized key: "withinDays"/);
  });

  it('rejects negation and context rules without phrases or with a language that is not a code', () => {
    const msg = problemsWith([{ id: 'w', label: 'L', description: 'D', kind: 'lexicon', weight: 1, terms: { nl: ['x'] }, context: { window: 3 } }],
      { negations: { terms: { dutch: ['geen'], nl: ['...'] } } });
    assert.match(msg, /indicators\.0\.context: a context needs "require" or "forbid" phrases/);
    assert.match(msg, /negations\.terms\.dutch: expected a two-letter language code, got "dutch"/);
    assert.match(msg, /negations\.terms\.nl\.0: expected a phrase with at least one letter or digit/);
  });

  it('rejects two indicators with one id', () => {
    assert.match(problemsWith([ok, { ...ok }]), /indicators\.1\.id: "ok" is already used by another indicator/);
  });

  it('loads the toezicht profile keeping every ad (threshold 0) with its selection criteria', () => {
    const profile = loadConfig(BUNDLED).profiles.get('toezicht')!;
    assert.equal(profile.threshold, 0);
    assert.deepEqual(profile.selection?.map((c) => c.id), ['licence-unknown', 'kvk-other-business', 'many-ads-one-phone', 'new-this-week', 'crime-report']);
  });

  it('rejects a criterion with no rule or two, a bad status or SBI code, and two criteria with one id', () => {
    const c = { id: 'c', label: 'L', description: 'D' };
    const msg = problemsWith([ok], { threshold: 0, selection: [
      c, { ...c, id: 'd', licence: ['valid'], reports: true }, { ...c, id: 'e', licence: ['lapsed'] }, { ...c, id: 'f', kvkSbiNotIn: ['96.09'] },
      { ...c, id: 'g', phoneAds: 1 },
    ] });
    assert.match(msg, /selection\.0: a selection criterion needs exactly one rule of: licence, kvkSbiNotIn, phoneAds, newWithinDays, reports/);
    assert.match(msg, /selection\.1: a selection criterion needs exactly one rule of: .* \(found licence, reports\)/);
    assert.match(msg, /selection\.2\.licence\.0: Invalid option/);
    assert.match(msg, /selection\.3\.kvkSbiNotIn\.0: expected an SBI code of 2 to 5 digits/);
    assert.match(msg, /selection\.4\.phoneAds: expected at least 2/);
    assert.match(problemsWith([ok], { selection: [{ ...c, reports: true }, { ...c, newWithinDays: 7 }] }),
      /selection\.1\.id: "c" is already used by another criterion/);
  });

  it('lets only a municipal theme keep every ad or select for inspections', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baken-profile-'));
    try {
      cpSync(BUNDLED, dir, { recursive: true });
      const file = join(dir, 'profiles/mensenhandel.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^threshold: .*$/m, 'threshold: 0')
        + 'selection:\n  - { id: s, label: S, description: D, reports: true }\n');
      assert.throws(() => loadConfig(dir), (e) => e instanceof BakenError
        && /profiles\/mensenhandel: threshold: expected a number above 0; only a municipal theme may keep every ad/.test(e.message)
        && /profiles\/mensenhandel: selection: only a municipal theme's profile has selection criteria/.test(e.message));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
