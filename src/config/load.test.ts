import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load.ts';
import { BakenError } from '../domain/errors.ts';

const BUNDLED = new URL('../../config', import.meta.url).pathname;

function withConfig(edit: (dir: string) => void, check: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'baken-config-'));
  try {
    cpSync(BUNDLED, dir, { recursive: true });
    edit(dir);
    check(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadError(dir: string): string {
  try { loadConfig(dir); } catch (e) {
    assert.ok(e instanceof BakenError, `expected a BakenError, got ${String(e)}`);
    assert.equal(e.code, 'CONFIG_INVALID');
    return e.message;
  }
  assert.fail('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('loads the bundled demo configuration with two themes', () => {
    const c = loadConfig(BUNDLED);
    assert.deepEqual([...c.themes.keys()].sort(), ['mensenhandel', 'toezicht']);
    assert.ok(c.sources.size >= 3);
  });

  it('names file, path and expectation for a wrong type', () => {
    withConfig((d) => writeFileSync(join(d, 'profiles/toezicht.yaml'),
      'id: toezicht\ntheme: toezicht\nthreshold: high\nindicators:\n  - {id: a, label: A, description: D, kind: field, field: licence, missing: true, weight: 1}\n'),
    (d) => assert.match(loadError(d), /profiles\/toezicht\.yaml: threshold: expected a number/));
  });

  it('rejects an unknown indicator kind and a bad regular expression', () => {
    withConfig((d) => writeFileSync(join(d, 'profiles/toezicht.yaml'),
      'id: toezicht\ntheme: toezicht\nthreshold: 1\nindicators:\n  - {id: a, label: A, description: D, kind: magic, weight: 1}\n  - {id: b, label: B, description: D, kind: pattern, pattern: "(", weight: 1}\n'),
    (d) => {
      const msg = loadError(d);
      assert.match(msg, /indicators\.0\.kind: expected kind to be one of: lexicon, pattern, field/);
      assert.match(msg, /indicators\.1\.pattern: expected a valid regular expression/);
    });
  });

  it('refuses referrals to a theme that is no police theme', () => {
    assert.equal(loadConfig(BUNDLED).themes.get('toezicht')?.referralsTo, 'mensenhandel');
    const referTo = (target: string) => (d: string) => {
      const file = join(d, 'themes/toezicht.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('referralsTo: mensenhandel', `referralsTo: ${target}`));
    };
    withConfig(referTo('toezicht'), (d) => assert.match(loadError(d), /themes\/toezicht: referralsTo: expected a municipal theme naming a police theme in themes\/, got "toezicht"/));
    withConfig(referTo('politie'), (d) => assert.match(loadError(d), /referralsTo: .*got "politie"/));
  });

  it('reports YAML syntax errors with the file name', () => {
    withConfig((d) => writeFileSync(join(d, 'themes/toezicht.yaml'), 'id: [unclosed\n'),
      (d) => assert.match(loadError(d), /themes\/toezicht\.yaml: YAML syntax/));
  });

  it('reports references to things that do not exist', () => {
    withConfig((d) => {
      const file = join(d, 'sources/toezicht-classic.yaml');
      writeFileSync(file, 'id: toezicht-classic\ntheme: nope\nname: X\nstart: http://127.0.0.1:4100/classic/\nextractor: missing\ndiscover: {ads: "^/x$"}\n');
    }, (d) => {
      const msg = loadError(d);
      assert.match(msg, /sources\/toezicht-classic: theme: no theme "nope"/);
      assert.match(msg, /sources\/toezicht-classic: extractor: no extractor "missing"/);
    });
  });

  it('rejects unknown keys, so a typo never silently disables a setting', () => {
    withConfig((d) => {
      const file = join(d, 'themes/toezicht.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}retension: 3\n`);
    }, (d) => assert.match(loadError(d), /themes\/toezicht\.yaml: \(top level\): Unrecognized key: "retension"/));
  });

  it('loads schedules and names a bad interval and a source of another theme', () => {
    assert.deepEqual(loadConfig(BUNDLED).schedules.get('mensenhandel-daily'), { id: 'mensenhandel-daily', theme: 'mensenhandel', every: '1d', at: '03:00' });
    withConfig((d) => {
      writeFileSync(join(d, 'schedules/fast.yaml'), 'id: fast\ntheme: toezicht\nevery: 5m\n');
    }, (d) => assert.match(loadError(d), /schedules\/fast\.yaml: every: expected an interval of at least 15m/));
    withConfig((d) => {
      writeFileSync(join(d, 'schedules/cross.yaml'), 'id: cross\ntheme: toezicht\nsource: mensenhandel-classic\nevery: 1h\n');
    }, (d) => assert.match(loadError(d), /schedules\/cross: source: no source "mensenhandel-classic" of theme "toezicht"/));
  });

  it('gives a theme six months of retention by default and names a retention that is not whole days', () => {
    assert.deepEqual(loadConfig(BUNDLED).themes.get('toezicht')?.retention, { keepDays: 183 });
    withConfig((d) => {
      const file = join(d, 'themes/toezicht.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}retention: {keepDays: 0.5, maxDays: 365}\n`);
    }, (d) => assert.match(loadError(d), /themes\/toezicht\.yaml: retention\.keepDays: expected a whole number of days/));
  });

  it('refuses an item whose id lies outside its theme\'s namespace, and a theme id that begins with another\'s', () => {
    withConfig((d) => {
      writeFileSync(join(d, 'schedules/nachtelijk.yaml'), 'id: nachtelijk\ntheme: toezicht\nevery: 1d\n');
      writeFileSync(join(d, 'sources/toezicht-classic.yaml'), readFileSync(join(d, 'sources/toezicht-classic.yaml'), 'utf8').replace('theme: toezicht', 'theme: mensenhandel'));
    }, (d) => {
      const msg = loadError(d);
      assert.match(msg, /schedules\/nachtelijk\.yaml: id: expected "toezicht" or an id beginning with "toezicht-" \(the theme's id\), got "nachtelijk"/);
      assert.match(msg, /sources\/toezicht-classic\.yaml: id: expected "mensenhandel" or an id beginning with "mensenhandel-"/);
    });
    withConfig((d) => {
      const theme = readFileSync(join(d, 'themes/toezicht.yaml'), 'utf8');
      writeFileSync(join(d, 'themes/toezicht-noord.yaml'), theme.replace('id: toezicht', 'id: toezicht-noord'));
    }, (d) => assert.match(loadError(d), /themes\/toezicht-noord\.yaml: id: "toezicht-noord" begins with the id of theme "toezicht"/));
  });

  it('refuses a source on a link-local, private or loopback address, naming the file, the path and the theme to allow it in', () => {
    const cases = [
      ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254/],
      ['http://10.0.0.5/list', /10\.0\.0\.5/],
      ['http://172.16.3.1/', /172\.16\.3\.1/],
      ['http://192.168.1.10:8080/', /192\.168\.1\.10/],
      ['http://[fd00::1]/', /fd00::1/],
      ['http://[fe80::1]/', /fe80::1/],
      ['http://localhost:4100/classic/', /127\.0\.0\.1, ::1/],
      ['http://127.0.0.1:4100/classic/', /127\.0\.0\.1/],
    ] as const;
    for (const [start, address] of cases) {
      withConfig((d) => {
        const theme = join(d, 'themes/toezicht.yaml');
        writeFileSync(theme, readFileSync(theme, 'utf8').replace(/^allowPrivateNetworks: .*$/m, ''));
        const file = join(d, 'sources/toezicht-classic.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^start: .*$/m, `start: ${start}`));
      }, (d) => {
        const msg = loadError(d);
        assert.match(msg, /sources\/toezicht-classic\.yaml: start: host \S+ is a loopback, private or link-local address/, start);
        assert.match(msg, address, start);
        assert.match(msg, /allowPrivateNetworks \(themes\/toezicht\.yaml\)/, start);
      });
    }
  });

  it('loads a source on a private network only where its theme allows that network, and checks the networks it lists', () => {
    withConfig((d) => {
      const theme = join(d, 'themes/toezicht.yaml');
      writeFileSync(theme, readFileSync(theme, 'utf8').replace(/^allowPrivateNetworks: .*$/m, 'allowPrivateNetworks: [10.20.0.0/16, 127.0.0.1]'));
      const file = join(d, 'sources/toezicht-classic.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^start: .*$/m, 'start: http://10.20.30.40/classic/'));
    }, (d) => assert.equal(loadConfig(d).sources.get('toezicht-classic')?.start, 'http://10.20.30.40/classic/'));
    withConfig((d) => {
      const theme = join(d, 'themes/toezicht.yaml');
      writeFileSync(theme, readFileSync(theme, 'utf8').replace(/^allowPrivateNetworks: .*$/m, 'allowPrivateNetworks: [10.20.0.0/16]'));
      const file = join(d, 'sources/toezicht-classic.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^start: .*$/m, 'start: http://169.254.169.254/'));
    }, (d) => assert.match(loadError(d), /sources\/toezicht-classic\.yaml: start: host 169\.254\.169\.254 is a loopback, private or link-local address/));
    withConfig((d) => {
      const theme = join(d, 'themes/toezicht.yaml');
      writeFileSync(theme, readFileSync(theme, 'utf8').replace(/^allowPrivateNetworks: .*$/m, 'allowPrivateNetworks: [10.20.0.0/33, intranet]'));
    }, (d) => assert.match(loadError(d), /themes\/toezicht\.yaml: allowPrivateNetworks\.0: expected an address or a CIDR network[^]*allowPrivateNetworks\.1: expected/));
  });

  it('reads a municipal theme\'s reference columns, and refuses an unknown field and reference data on a police theme', () => {
    assert.equal(loadConfig(BUNDLED).themes.get('toezicht')!.reference.licences?.columns.validFrom, 'Geldig vanaf');
    withConfig((d) => {
      const toezicht = join(d, 'themes/toezicht.yaml');
      writeFileSync(toezicht, readFileSync(toezicht, 'utf8').replace('      licence: Vergunningnummer', '      licenceNumber: Vergunningnummer'));
    }, (d) => assert.match(loadError(d), /themes\/toezicht\.yaml: reference\.licences\.columns: Unrecognized key: "licenceNumber"/));
    withConfig((d) => writeFileSync(join(d, 'themes/mensenhandel.yaml'), `${readFileSync(join(d, 'themes/mensenhandel.yaml'), 'utf8')}reference:\n  kvk:\n    columns: { kvk: KvK }\n`),
      (d) => assert.match(loadError(d), /themes\/mensenhandel: reference: only a municipal theme keeps reference data/));
  });

  it('says clearly when the directory does not exist', () => {
    assert.throws(() => loadConfig('/nonexistent/baken'), /configuration directory \/nonexistent\/baken does not exist/);
  });
});
