import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import { compileProfile } from './compile-profile.ts';
import { assess } from './assess.ts';

const profile = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 1,
  negations: { window: 3, terms: { nl: ['geen', 'niet', 'nooit', 'altijd met'], en: ['no', 'not', 'never', 'always with'] } },
  indicators: [
    { id: 'always', label: 'a', description: 'd', kind: 'lexicon', weight: 2, terms: { nl: ['altijd beschikbaar'], en: ['always available'] } },
    { id: 'av', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['av'] } },
    { id: 'unprotected', label: 'a', description: 'd', kind: 'lexicon', weight: 3, terms: { nl: ['zonder condoom', 'onbeschermd'], en: ['bareback', 'no condom'] },
      context: { window: 8, forbid: { nl: ['altijd met condoom'], en: ['safe sex only'] } } },
    { id: 'limits', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['geen grenzen'], en: ['no limits'] } },
    { id: 'h247', label: 'a', description: 'd', kind: 'pattern', weight: 2, pattern: '\\b24\\s*/\\s*7\\b' },
    { id: 'young', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['net 18'] }, negations: { terms: {} } },
    { id: 'driver', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { en: ['driver'] }, context: { window: 4, require: { en: ['call'] } } },
  ],
}));
const hits = (text: string) => assess(profile, { text }).hits.map((h) => h.id);
const spans = (text: string) => assess(profile, { text }).hits.flatMap((h) => h.evidence.map((e) => (e.kind === 'span' ? e.text : '')));

describe('lexicon and pattern indicators', () => {
  it('find their terms and patterns, whole words only', () => {
    assert.deepEqual(hits('Ik ben altijd beschikbaar voor AV en bereikbaar 24/7.'), ['always', 'av', 'h247']);
    assert.deepEqual(hits('Gravure, havo en 124/75 mmHg.'), []);
  });

  it('ignore what is not in the lists', () => {
    assert.deepEqual(hits('Een rustige massage op afspraak, met condoom.'), []);
  });

  it('do not fire after a negation in the same clause: "geen AV", "niet 24/7", "nooit zonder condoom"', () => {
    assert.deepEqual(hits('Geen AV.'), []);
    assert.deepEqual(hits('Niet 24/7 beschikbaar, alleen op afspraak.'), []);
    assert.deepEqual(hits('Nooit zonder condoom.'), []);
    assert.deepEqual(hits('Ik ben niet altijd beschikbaar.'), []);
    assert.deepEqual(hits('Not available 24/7.'), []);
  });

  it('still fire when the negation stands too far back or in another clause', () => {
    assert.deepEqual(hits('Geen gedoe, alles in overleg: altijd beschikbaar.'), ['always']);
    assert.deepEqual(hits('Niet roken in mijn huis en bel gerust AV'), ['av']);
  });

  it('do not read a negation inside the term itself as negating it', () => {
    assert.deepEqual(hits('Ik ken geen grenzen. No limits!'), ['limits']);
  });

  it('let an indicator switch negation off', () => {
    assert.deepEqual(hits('Niet net 18 maar ouder.'), ['young']);
  });

  it('drop a match with a forbidden context word nearby, on either side: "altijd met condoom"', () => {
    assert.deepEqual(hits('Onbeschermd, nee: altijd met condoom.'), []);
    assert.deepEqual(hits('Bareback, no way: safe sex only.'), []);
    assert.deepEqual(hits('Ook zonder condoom mogelijk.'), ['unprotected']);
  });

  it('keep a match only with a required context word nearby', () => {
    assert.deepEqual(hits('Call my driver.'), ['driver']);
    assert.deepEqual(hits('I am a driver on weekdays.'), []);
  });

  it('see through obfuscation: stretched letters, digits for letters, spaced letters, emoji between words', () => {
    assert.deepEqual(hits('Altijd beschikbaaaaar!'), ['always']);
    assert.deepEqual(hits('4ltijd b3schikb44r'), ['always']);
    assert.deepEqual(hits('b@r3b@ck'), ['unprotected']);
    assert.deepEqual(hits('a l t i j d  b e s c h i k b a a r'), ['always']);
    assert.deepEqual(hits('altijd💋beschikbaar'), ['always']);
    assert.deepEqual(hits('n.o c.o.n.d.o.m'), ['unprotected']);
    assert.deepEqual(hits('#alwaysavailable'), ['always']);
  });

  it('read digits as letters only where that makes a term, so numbers stay numbers', () => {
    assert.deepEqual(hits('Bel 0612345678 of kom langs om 18 uur.'), []);
  });

  it('report what the ad really says, with offsets into the original text', () => {
    const text = 'Hoi! Ik ben ÁLTIJD   bëschikbaaar.';
    const [hit] = assess(profile, { text }).hits;
    assert.deepEqual(hit?.evidence, [{ kind: 'span', field: 'text', start: 12, end: 33, text: 'ÁLTIJD   bëschikbaaar' }]);
    assert.deepEqual(spans('Open 24 / 7 en a l t i j d beschikbaar'), ['a l t i j d beschikbaar', '24 / 7']);
  });

  it('do not match across a sentence', () => {
    assert.deepEqual(hits('Ik ben er altijd. Beschikbaar op afspraak.'), []);
  });
});
