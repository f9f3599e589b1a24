// The indicator phrases the generator plants in ads, per indicator id of the demo profile
// (config/profiles/mensenhandel.yaml). Ads without planted indicators contain them only negated
// ("Nooit zonder condoom"; see NEGATION_TRAPS in banks.ts).

export const INDICATOR_PHRASES = {
  'always-available': {
    weight: 2,
    nl: ['altijd beschikbaar', 'dag en nacht', '7 dagen per week', 'elke dag open'],
    en: ['always available', 'day and night', 'open every day'],
  },
  'always-available-247': {
    weight: 2,
    nl: ['24/7', '24 / 7'],
    en: ['24/7', '24 / 7'],
  },
  unprotected: {
    weight: 3,
    nl: ['zonder condoom', 'onbeschermd'],
    en: ['without condom', 'no condom', 'bareback'],
  },
  'everything-goes': {
    weight: 2,
    nl: ['alles kan', 'alles mag', 'geen grenzen'],
    en: ['everything goes', 'anything goes', 'no limits', 'no taboos'],
  },
  young: {
    weight: 2,
    nl: ['net 18', 'pas 18', 'jong meisje'],
    en: ['just turned 18', 'barely legal', 'young girl'],
  },
  'third-party': {
    weight: 2,
    nl: ['onze meiden', 'onze dames', 'bel mijn chauffeur'],
    en: ['our girls', 'our ladies', 'call my driver'],
  },
  'newly-arrived': {
    weight: 1,
    nl: ['net aangekomen', 'pas aangekomen', 'nieuw in nederland'],
    en: ['just arrived', 'new in town'],
  },
  'language-barrier': {
    weight: 1,
    nl: ['spreek geen nederlands', 'alleen roemeens'],
    en: ['no english', 'only romanian'],
  },
} as const;

export type IndicatorId = keyof typeof INDICATOR_PHRASES;
export type Lang = 'nl' | 'en';

export const INDICATOR_IDS = Object.keys(INDICATOR_PHRASES) as IndicatorId[];
export const STRONG_INDICATORS = INDICATOR_IDS.filter((id) => INDICATOR_PHRASES[id].weight >= 2);
export const WEAK_INDICATORS = INDICATOR_IDS.filter((id) => INDICATOR_PHRASES[id].weight === 1);

/** Lower case without diacritics, so "Zoë" and "ZOE" compare equal. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The indicators whose phrases (either language) occur in the text, in INDICATOR_IDS order. */
export function indicatorsIn(text: string): IndicatorId[] {
  const folded = foldText(text);
  return INDICATOR_IDS.filter((id) => {
    const { nl, en } = INDICATOR_PHRASES[id];
    return [...nl, ...en].some((p) => folded.includes(foldText(p)));
  });
}
