// Sentences that carry an indicator phrase, so planted ads read like real ads rather than a
// keyword list: the phrase sits at the start, in the middle or at the end of a sentence.
import { NEGATION_TRAPS } from './banks.ts';
import type { Rng } from './prng.ts';
import { INDICATOR_PHRASES, type IndicatorId, type Lang } from './phrases.ts';

/** Per language, per phrase: sentences containing it. Placeholders as in demo/banks.ts. */
const SENTENCES: Record<Lang, Record<string, readonly string[]>> = {
  nl: {
    'altijd beschikbaar': ['Ik ben altijd beschikbaar voor jou.', 'Altijd beschikbaar, bel gerust.', 'Voor jou ben ik altijd beschikbaar in {city}.'],
    'dag en nacht': ['Je kunt dag en nacht bij mij terecht.', 'Dag en nacht bereikbaar.', 'Ik ontvang dag en nacht.'],
    '7 dagen per week': ['Ik werk 7 dagen per week.', 'Open 7 dagen per week, ook in het weekend.'],
    'elke dag open': ['Mijn deur is elke dag open.', 'Elke dag open, ook op zondag.'],
    '24/7': ['Bereikbaar 24/7.', '24/7 open voor jou.', 'Ik ontvang 24/7 in {city}.'],
    '24 / 7': ['Bel mij 24 / 7.', 'Open 24 / 7.'],
    'zonder condoom': ['Ook zonder condoom mogelijk.', 'Zonder condoom kan in overleg.'],
    'onbeschermd': ['Onbeschermd is bespreekbaar.', 'Ook onbeschermd mogelijk.'],
    'alles kan': ['Alles kan, vraag het gerust.', 'Bij mij geldt: alles kan.'],
    'alles mag': ['Alles mag, niets moet.', 'Bij {alias} alles mag.'],
    'geen grenzen': ['Ik ken geen grenzen.', 'Geen grenzen, vraag gerust.'],
    'net 18': ['Ik ben net 18 en nieuwsgierig.', 'Net 18 en pas begonnen.'],
    'pas 18': ['Pas 18 jaar en heel nieuwsgierig.', 'Ik ben pas 18.'],
    'jong meisje': ['Jong meisje zoekt leuke dates.', 'Ik ben een jong meisje uit {city}.'],
    'onze meiden': ['Onze meiden ontvangen je graag.', 'Bekijk ook onze meiden in {city}.'],
    'onze dames': ['Onze dames staan voor je klaar.', 'Kies zelf een van onze dames.'],
    'bel mijn chauffeur': ['Voor een afspraak: bel mijn chauffeur.', 'Bel mijn chauffeur, hij regelt alles.'],
    'net aangekomen': ['Net aangekomen in {city}!', 'Ik ben net aangekomen.'],
    'pas aangekomen': ['Pas aangekomen, nog maar kort hier.', 'Ik ben pas aangekomen in {city}.'],
    'nieuw in nederland': ['Nieuw in Nederland en benieuwd naar jou.', 'Ik ben nieuw in Nederland.'],
    'spreek geen nederlands': ['Ik spreek geen Nederlands, sorry.', 'Let op: ik spreek geen Nederlands.'],
    'alleen roemeens': ['Ik spreek alleen Roemeens.', 'Alleen Roemeens, een beetje gebarentaal.'],
  },
  en: {
    'always available': ['I am always available for you.', 'Always available, just call.', 'In {city} I am always available.'],
    'day and night': ['You can visit me day and night.', 'Day and night at your service.'],
    'open every day': ['I am open every day, weekends too.', 'Open every day in {city}.'],
    '24/7': ['Available 24/7.', '24/7 in {city}.', 'Call me 24/7 for a date.'],
    '24 / 7': ['Call me 24 / 7.', 'Open 24 / 7.'],
    'without condom': ['Also without condom.', 'Without condom is possible.'],
    'no condom': ['No condom on request.', 'Extra for no condom.'],
    'bareback': ['Bareback possible.', 'Ask me about bareback.'],
    'everything goes': ['With me everything goes.', 'Everything goes, just ask.'],
    'anything goes': ['Anything goes, just ask.', 'With {alias} anything goes.'],
    'no limits': ['No limits for you.', 'I have no limits.'],
    'no taboos': ['No taboos.', 'I have no taboos at all.'],
    'just turned 18': ['I just turned 18.', 'Just turned 18 and new here.'],
    'barely legal': ['Barely legal and curious.', 'Sweet and barely legal.'],
    'young girl': ['Sweet young girl in {city}.', 'Young girl looking for nice dates.'],
    'our girls': ['Our girls are waiting for you.', 'Meet our girls in {city}.'],
    'our ladies': ['Our ladies welcome you.', 'Choose one of our ladies.'],
    'call my driver': ['For appointments call my driver.', 'Call my driver, he arranges everything.'],
    'just arrived': ['Just arrived in {city}!', 'I just arrived.'],
    'new in town': ['New in town, say hello.', 'I am new in town.'],
    'no english': ['No English, sorry.', 'Sorry, no English.'],
    'only romanian': ['I speak only Romanian.', 'Only Romanian, a little sign language.'],
  },
};

export interface Planting {
  /** A title with the phrase around the "{title}" placeholder, or null when it goes in the text. */
  titleFrame: string | null;
  /** Sentences to insert into the text. */
  sentences: string[];
}

/** Plants one phrase per indicator, each either in the title (at most one) or as a text sentence. */
export function plantIndicators(rng: Rng, lang: Lang, ids: readonly IndicatorId[]): Planting {
  let titleFrame: string | null = null;
  const sentences: string[] = [];
  for (const id of ids) {
    const phrase = rng.pick(INDICATOR_PHRASES[id][lang]);
    if (titleFrame === null && rng.chance(0.25)) {
      titleFrame = titleWith(rng, phrase);
    } else {
      const options = SENTENCES[lang][phrase];
      if (!options) throw new Error(`no planted sentence for "${phrase}" (${lang})`);
      sentences.push(rng.pick(options));
    }
  }
  return { titleFrame, sentences };
}

/** Share of clean ads that carry a negation trap. */
const TRAP_SHARE = 0.3;

/** For a clean ad: sometimes one sentence that names a phrase only to refuse it ("Nooit zonder condoom"). */
export function plantNegationTrap(rng: Rng, lang: Lang): Planting {
  return { titleFrame: null, sentences: rng.chance(TRAP_SHARE) ? [rng.pick(NEGATION_TRAPS[lang])] : [] };
}

function titleWith(rng: Rng, phrase: string): string {
  const capital = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return rng.pick([
    `{title} – ${phrase}`,
    `${phrase.toUpperCase()}! {title}`,
    `${capital}: {title}`,
    `{title} (${phrase})`,
  ]);
}

/** For tests: every planted sentence, so they can be checked to contain their phrase. */
export function plantedSentences(): { lang: Lang; phrase: string; sentence: string }[] {
  return (['nl', 'en'] as const).flatMap((lang) => Object.entries(SENTENCES[lang])
    .flatMap(([phrase, list]) => list.map((sentence) => ({ lang, phrase, sentence }))));
}
