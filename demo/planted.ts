// What the generator plants in an ad's title and text: a phrase from the cue banks per planted cue,
// or, in some clean ads, a refusal that names a cue only to reject it.
import { CUE_BANKS, REFUSALS, phraseText, type Cue, type PhraseFacts } from './cue-banks.ts';
import type { Rng } from './prng.ts';
import type { Lang } from './world.ts';

export interface Planting {
  /** A title with the phrase around the "{title}" placeholder, or null when it goes in the text. */
  titleFrame: string | null;
  /** Sentences to insert into the text. */
  sentences: string[];
}

/** Share of planted phrases offered to the title, and the longest phrase that fits one. */
const TITLE_SHARE = 0.25;
const TITLE_MAX = 32;
/** Share of clean ads that carry a refusal. */
const REFUSAL_SHARE = 0.3;

/** One phrase per cue, each either in the title (at most one, if short) or as a text sentence. */
export function plantCues(rng: Rng, lang: Lang, cues: readonly Cue[], facts: PhraseFacts): Planting {
  let titleFrame: string | null = null;
  const sentences: string[] = [];
  for (const cue of cues) {
    const phrase = phraseText(rng.pick(CUE_BANKS[cue][lang]), facts);
    const inTitle = rng.chance(TITLE_SHARE);
    if (titleFrame === null && inTitle && phrase.length <= TITLE_MAX) titleFrame = titleWith(rng, phrase);
    else sentences.push(phrase);
  }
  return { titleFrame, sentences };
}

/** For a clean ad: sometimes one sentence that names a cue only to refuse it ("Zonder? Nee."). */
export function plantRefusal(rng: Rng, lang: Lang): Planting {
  return { titleFrame: null, sentences: rng.chance(REFUSAL_SHARE) ? [rng.pick(REFUSALS[lang])] : [] };
}

function titleWith(rng: Rng, phrase: string): string {
  const bare = phrase.replace(/[.!]+$/u, '');
  return rng.pick([
    `{title} – ${bare}`,
    `${bare.toUpperCase()}! {title}`,
    `${bare}: {title}`,
    `{title} (${bare})`,
  ]);
}
