// The demo profile's lexicons (config/profiles/mensenhandel.yaml) read each class of wording they
// claim to cover, in Dutch and English, and keep out the wording they must not read. The examples
// are written for this test, not taken from the evaluation corpus.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config/load.ts';
import { compileProfile } from './compile-profile.ts';
import { assess } from './assess.ts';

const profile = compileProfile(loadConfig(new URL('../../config', import.meta.url).pathname).profiles.get('mensenhandel')!);
const hitsOf = (text: string) => assess(profile, { text }).hits.map((h) => h.id);

/** Each line must hit `id`; the evidence names the indicator and a span of the text. */
function reads(id: string, lines: string[]) {
  for (const line of lines) {
    it(`${id}: "${line}"`, () => {
      const hit = assess(profile, { text: line }).hits.find((h) => h.id === id);
      assert.ok(hit, `expected ${id} in "${line}", got [${hitsOf(line).join(', ')}]`);
      for (const e of hit.evidence) if (e.kind === 'span') assert.equal(line.slice(e.start, e.end), e.text);
    });
  }
}

/** Each line must NOT hit `id`. */
function ignores(id: string, lines: string[]) {
  for (const line of lines) {
    it(`not ${id}: "${line}"`, () => assert.ok(!hitsOf(line).includes(id), `${id} in "${line}"`));
  }
}

describe('round-the-clock availability without "24/7"', () => {
  reads('always-available', ['Bereikbaar rond de klok, ook s nachts.', 'Ik ben zeven dagen per week open.',
    'Service round the clock for you.', 'Open every day of the week until sunrise.', 'Disponibila non stop.']);
  reads('always-available-247', ['Open 24-7 in Breda', 'Service 24x7', '24h open', 'Wij zijn 24 uur bereikbaar', 'open 7/7']);
  ignores('always-available-247', ['Reageer binnen 24 uur', 'Please book 24 hours in advance', 'Afzeggen kan tot 24 uur van tevoren']);
  ignores('always-available', ['Ik ben niet altijd beschikbaar.', 'Never available day and night, I sleep too.',
    'Ik werk altijd met condoom.']);
});

describe('unprotected services in slang', () => {
  reads('unprotected', ['Pijpen zonder kapotje mogelijk', 'GV zonder, 80 euro', 'BBFS on request', 'Natural french included',
    'Sex sin condon', 'Everything without, baby']);
  ignores('unprotected', ['Nooit zonder condoom.', 'Bareback? Not with me.', 'Wat ik niet doe: zonder condoom, anaal.',
    'Without a condom? Out of the question.', 'Bed & breakfast in the centre, plan b.']);
});

describe('another person speaks for her', () => {
  reads('third-party-person', ['Haar neef Marco regelt de afspraken.', 'Bel haar tante voor een afspraak.',
    'My cousin answers the phone for her.', 'Her boyfriend takes the calls.', 'Contact the office for bookings.']);
  reads('third-party', ['Ik antwoord namens haar.', 'I will reply for her, she is shy.', 'Betalen aan de chauffeur bij aankomst.']);
  ignores('third-party', ['Onze dames zijn zelfstandig en kiezen zelf hun klanten, bureau met vergunning.',
    'Our ladies are independent and licensed.']);
  ignores('third-party-person', ['Ik neem zelf op.', 'I answer my own phone.', 'Mijn vriendin neemt ook deel aan het trio.']);
});

describe('several women without "two/three girls"', () => {
  reads('several-women', ['Elke week nieuwe dames in ons huis.', 'Kies je meisje uit onze selectie', 'Girls rotate weekly.',
    'Pick your favorite and come over.', 'Vier meiden wachten op je']);
  ignores('several-women', ['Ik ben anders dan andere meiden.', 'Unlike other girls I take my time.', 'Keuze uit vele standjes.']);
});

describe('commodity language', () => {
  reads('degrading-wording', ['Nieuwe zending binnen!', 'Verse meiden deze week', 'New shipment from abroad', 'Delivered to your hotel',
    'Bekijk ons menu']);
  ignores('degrading-wording', ['Ik ben bezorgd om je gezondheid.', 'Fresh and clean, shower available.', 'Ik ben vers gedoucht.']);
});

describe('language barrier and just arrived', () => {
  reads('language-barrier', ['Ze begrijpt geen Nederlands.', 'She does not understand English well.', 'My english no good, sorry.',
    'Contact via google translate', 'Vorbesc doar romana']);
  ignores('language-barrier', ['Niemand vertaalt voor mij, ik spreek prima Nederlands.', 'I speak Dutch, English and German.']);
  reads('newly-arrived', ['Slechts drie dagen in Zwolle!', 'Only 4 days in Breda', 'Recien llegada a Amsterdam', 'Op doorreis naar Duitsland']);
  ignores('newly-arrived', ['Ik werk 3 dagen per week.', 'I work 3 days a week.', 'Minimaal een paar dagen van tevoren boeken.']);
});

describe('no limits and youth emphasis', () => {
  reads('everything-goes', ['Niks is te gek bij mij.', 'She never refuses anything.', 'Sin limites, amor']);
  ignores('everything-goes', ['Alles kan in overleg.', 'Anything goes within my limits.', 'Geen grenzen? Ik heb mijn grenzen.']);
  reads('young', ['Net meerderjarig en ondeugend', 'Young petite girl for you', 'Jovencita latina', 'Tiny teen ready']);
  ignores('young', ['I lived here ten years.', 'Geen schoolmeisje, dat speel ik niet.']);
});

describe('cheapness', () => {
  reads('price-wording', ['Spotgoedkoop deze week', 'Special offer: everything for one price']);
  ignores('price-wording', ['No discounts, my rate is my rate.', 'Ik woon al in Nederland.']);
});

describe('Hungarian and Bulgarian advertisers', () => {
  reads('unprotected', ['Szex óvszer nélkül', 'Секс без презерватив']);
  reads('language-barrier', ['Csak magyarul beszélek', 'Говоря само български']);
  ignores('unprotected', ['Ik hou van de natuur en wandelen.']);
});

describe('the hours of the day through the night, and 7/24', () => {
  reads('always-available-hours', ['Ochtend, middag en midden in de nacht: bel maar.', 'Morning, afternoon, night – I am here.',
    'Open 7/24 voor jou']);
  ignores('always-available-hours', ['Alleen s ochtends, nooit s nachts.', 'Morning appointments. Evening drinks. Good night!']);
});

describe('unprotected services in shorthand', () => {
  reads('unprotected-shorthand', ['Zonder mag ook, voor liefhebbers.', 'Alles kan, ook zonder.', 'FR NT en GV NT',
    'bj natural included', 'Sex without for a small extra', 'Bare ok for clean guys', 'BB 50', 'bbbj ok']);
  ignores('unprotected-shorthand', ['Ook zonder afspraak welkom', 'Natural breasts, natural look', 'Without a doubt the best', 'Bed & breakfast, plan b']);
  ignores('unprotected', ['Bed & breakfast, plan b', 'bj met condoom']);
});

describe('a house or an office arranges her contact (weighs 1)', () => {
  reads('arranged-by-others', ['Bookings only via reception.', 'Text us and we send her to your hotel.', 'Bel ons voor een afspraak.']);
  ignores('arranged-by-others', ['Licensed club: call reception, every lady keeps her own schedule.']);
});

describe('one signal seen several ways counts once', () => {
  it('scores 24/7 and "dag en nacht" together as one availability signal', () => {
    const a = assess(profile, { text: 'Dag en nacht open, 24/7.' });
    assert.deepEqual(a.hits.map((h) => h.id), ['always-available', 'always-available-247']);
    assert.equal(a.score, 2);
    assert.equal(a.kept, true);
  });

  it('keeps an ad only for a second signal, not for a second wording of the first', () => {
    assert.equal(assess(profile, { text: 'Bel ons. Boeken via ons.' }).score, 1);
    assert.equal(assess(profile, { text: 'Bel ons. Twee meiden.' }).score, 2);
  });
});
