// What compiling a profile's text rules decides, seen in the evidence of one ad: which phrases the
// word lists hold, which negation, refusal and seeking phrases each indicator gets (its own or the
// profile's) and their default windows, and how a pattern is read.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import type { AdFields } from '../domain/ad.ts';
import { assess } from './assess.ts';
import { compileProfile } from './compile-profile.ts';

const lexicon = (id: string, terms: Record<string, string[]>, more: object = {}) =>
  ({ id, label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms, ...more });
const pattern = (id: string, source: string, more: object = {}) =>
  ({ id, label: 'a', description: 'd', kind: 'pattern', weight: 1, pattern: source, ...more });
const compile = (negations: object | undefined, indicators: object[]) =>
  compileProfile(profileSchema.parse({ id: 'p', theme: 't', threshold: 1, negations, indicators }));
type Compiled = ReturnType<typeof compile>;

/** The hits of an ad as `id: span, span`, so a test sees every span and which indicator it is for. */
const read = (profile: Compiled, fields: AdFields | string) =>
  assess(profile, typeof fields === 'string' ? { text: fields } : fields).hits
    .map((h) => `${h.id}: ${h.evidence.map((e) => (e.kind === 'span' ? `${e.field}[${e.start},${e.end}) ${e.text}` : '?')).join(', ')}`);
const ids = (profile: Compiled, text: string) => assess(profile, { text }).hits.map((h) => h.id);

describe('the word lists', () => {
  const profile = compile(undefined, [
    lexicon('bareback', { nl: ['bareback'], en: ['bareback', 'no condom'] }),
    lexicon('nosex', { en: ['no sex'] }),
    lexicon('nogo', { en: ['no go'] }),
    lexicon('barely', { en: ['barely 18'] }),
    lexicon('teen', { en: ['teen 18'] }),
  ]);

  it('report a term listed in two languages once, and a one-word term once', () => {
    assert.deepEqual(read(profile, 'Bareback ok'), ['bareback: text[0,8) Bareback']);
  });

  it('report every occurrence of a term with its own span', () => {
    assert.deepEqual(read(profile, 'Bareback? Ja, bareback.'), ['bareback: text[0,8) Bareback, text[14,22) bareback']);
  });

  it('read a multi-word term written as one word of 5 letters or more', () => {
    assert.deepEqual(read(profile, 'Nocondom, nosex'), ['bareback: text[0,8) Nocondom', 'nosex: text[10,15) nosex']);
    assert.deepEqual(read(profile, 'no go'), ['nogo: text[0,5) no go']);
    assert.deepEqual(read(profile, 'nogo'), []);
  });

  it('count only the letters of a term with digits toward those 5', () => {
    assert.deepEqual(read(profile, 'barely18'), ['barely: text[0,8) barely18']);
    assert.deepEqual(read(profile, 'teen18'), []);
    assert.deepEqual(read(profile, 'teen 18'), ['teen: text[0,7) teen 18']);
  });
});

describe('the text fields an indicator reads', () => {
  const profile = compile(undefined, [
    lexicon('alias', { nl: ['lolita'] }, { fields: ['alias'] }),
    lexicon('body', { nl: ['bareback'] }),
  ]);

  it('are the fields it names, and title and text by default', () => {
    assert.deepEqual(read(profile, { title: 'Lolita bareback', alias: 'Lolita', text: 'lolita' }),
      ['alias: alias[0,6) Lolita', 'body: title[7,15) bareback']);
    assert.deepEqual(read(profile, { alias: 'Bareback' }), []);
  });
});

describe('a pattern', () => {
  const profile = compile(undefined, [
    pattern('h247', '(24/7)?'),
    pattern('av', 'av'),
  ]);

  it('matches without regard to case and reports only what it matched, never an empty match', () => {
    assert.deepEqual(read(profile, 'AV, 24/7 en av'), ['h247: text[4,8) 24/7', 'av: text[0,2) AV, text[12,14) av']);
  });
});

describe('the negation words an indicator uses', () => {
  const profile = compile({ window: 1, terms: { nl: ['geen'] }, refusals: { terms: { nl: ['nee'] } }, seeking: { terms: { nl: ['zoek je'] } } }, [
    lexicon('profile', { nl: ['av'] }),
    lexicon('own', { nl: ['bareback'] }, { negations: { terms: { nl: ['nooit'] } } }),
    lexicon('off', { nl: ['anaal'] }, { negations: { terms: {} } }),
    lexicon('no-refusals', { nl: ['zoenen'] }, { negations: { terms: { nl: ['geen'] }, refusals: { terms: {} }, seeking: { terms: {} } } }),
    lexicon('own-refusals', { nl: ['gfe'] }, { negations: { window: 2, terms: { nl: ['geen'] }, refusals: { terms: { nl: ['uitgesloten'] } } } }),
  ]);

  it('are the profile\'s, with the profile\'s window', () => {
    assert.deepEqual(ids(profile, 'Geen AV'), []);
    assert.deepEqual(ids(profile, 'Geen echt AV'), ['profile']);
  });

  it('are its own when it names them, replacing the profile\'s words but keeping their window', () => {
    assert.deepEqual(ids(profile, 'Nooit bareback'), []);
    assert.deepEqual(ids(profile, 'Nooit echt bareback'), ['own']);
    assert.deepEqual(ids(profile, 'Geen bareback'), ['own']);
  });

  it('keep the profile\'s refusals and seeking phrases when it names only negation words', () => {
    assert.deepEqual(ids(profile, 'Bareback? Nee.'), []);
    assert.deepEqual(ids(profile, 'Zoek je bareback, nooit bij mij'), []);
  });

  it('are switched off with an empty list, and the profile\'s refusals with them', () => {
    assert.deepEqual(ids(profile, 'Geen anaal'), ['off']);
    assert.deepEqual(ids(profile, 'Anaal? Nee.'), ['off']);
  });

  it('can switch refusals and seeking phrases off while keeping negation words', () => {
    assert.deepEqual(ids(profile, 'Geen zoenen'), []);
    assert.deepEqual(ids(profile, 'Zoenen? Nee.'), ['no-refusals']);
    assert.deepEqual(ids(profile, 'Zoek je zoenen, geen sprake van'), ['no-refusals']);
  });

  it('can replace the profile\'s refusals with its own, with its own negation window', () => {
    assert.deepEqual(ids(profile, 'GFE is uitgesloten.'), []);
    assert.deepEqual(ids(profile, 'GFE? Nee.'), ['own-refusals']);
    assert.deepEqual(ids(profile, 'Geen echt GFE'), []);
    assert.deepEqual(ids(profile, 'Geen echt heel GFE'), ['own-refusals']);
  });
});

describe('refusal and seeking phrases', () => {
  const profile = compile({ terms: { nl: ['niet'] }, refusals: { terms: { nl: ['nee'] } }, seeking: { terms: { nl: ['zoek je'] } } }, [
    lexicon('av', { nl: ['av'] }),
  ]);

  it('are kept apart: a refusal word does not say the reader is looking for something', () => {
    assert.deepEqual(ids(profile, 'Zoek je AV dan ben je hier niet goed'), []);
    assert.deepEqual(ids(profile, 'Nee AV dan ben je hier niet goed'), ['av']);
  });
});

describe('the default windows', () => {
  const profile = compile({ terms: { nl: ['geen'] }, refusals: { terms: { nl: ['nooit'] } }, seeking: { terms: { nl: ['zoek je'] } } }, [
    lexicon('av', { nl: ['av'] }),
  ]);

  it('let a negation reach 3 words back, and not 4', () => {
    assert.deepEqual(ids(profile, 'Geen echt heel AV'), []);
    assert.deepEqual(ids(profile, 'Geen echt heel lief AV'), ['av']);
  });

  it('let a refusal start up to 8 words after the term, and not 9', () => {
    assert.deepEqual(ids(profile, 'AV doe ik echt heel erg graag toch nooit.'), []);
    assert.deepEqual(ids(profile, 'AV doe ik echt heel erg graag toch maar nooit.'), ['av']);
  });

  it('let a negation turn a sought term away up to 12 words after it, and not 13', () => {
    assert.deepEqual(ids(profile, 'Zoek je AV, dan ben je hier echt aan het juiste adres voor jou geen'), []);
    assert.deepEqual(ids(profile, 'Zoek je AV, dan ben je hier echt aan het juiste adres voor jou en geen'), ['av']);
  });
});
