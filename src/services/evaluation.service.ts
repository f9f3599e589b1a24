// The theme's current profile measured on the theme's labelled sets, for admins (issue 12): the
// same figures as `baken eval`, without the ads' texts. A result is kept per (profile, file
// content), so a page view re-runs nothing until the profile or the set changes.
import type { Who } from '../accounts/actor.ts';
import { analyseBatch } from '../analyse/analyse-batch.ts';
import { compileProfile } from '../analyse/compile-profile.ts';
import { evaluate } from '../analyse/evaluate.ts';
import { EVALUATION_GOALS, evaluationSummary, type EvaluationSummary } from '../analyse/evaluation-summary.ts';
import { parseEvaluationSet, readEvaluationFile, type EvaluationSet } from '../config/evaluation-sets.ts';
import type { Profile } from '../config/schema.ts';
import { canonicalJson, sha256Hex } from '../domain/canonical-json.ts';
import { BakenError } from '../domain/errors.ts';
import { authorise, themeRef, type ServiceContext } from './context.ts';

export interface SetEvaluation extends EvaluationSummary { name: string; file: string }

export interface ThemeEvaluation {
  theme: string;
  profile: string;
  threshold: number;
  goals: typeof EVALUATION_GOALS;
  /** In the order the theme lists them; empty when it lists none. */
  sets: SetEvaluation[];
}

/** Profiles edited over a day and a few sets: enough to make every page view after a change a hit. */
const CACHED = 64;

export class EvaluationService {
  readonly #c: Pick<ServiceContext, 'config' | 'trail'>;
  readonly #cache = new Map<string, EvaluationSummary>();

  constructor(context: Pick<ServiceContext, 'config' | 'trail'>) {
    this.#c = context;
  }

  async ofTheme(who: Who, themeId: string): Promise<ThemeEvaluation> {
    const config = this.#c.config.current;
    const theme = config.themes.get(themeId);
    authorise(who, 'config.read', themeRef(config, themeId), `no theme "${themeId}"`);
    const profile = config.profiles.get(theme!.profile)!;
    const profileHash = sha256Hex(canonicalJson(profile));
    const sets = theme!.evaluation.map((set) => asConfigProblem(themeId, set, () => {
      const content = readEvaluationFile(config.dir, set);
      return { name: set.name, file: set.file, ...this.#summary(profile, profileHash, content, () => parseEvaluationSet(content, set)) };
    }));
    await this.#c.trail.record(who, 'config.evaluate', {
      themes: [themeId], resources: [`profiles/${profile.id}`, ...sets.map((s) => `themes/${themeId}/evaluation/${s.name}`)], count: sets.length,
    });
    return { theme: themeId, profile: profile.id, threshold: profile.threshold, goals: EVALUATION_GOALS, sets };
  }

  #summary(profile: Profile, profileHash: string, content: string, parse: () => ReturnType<typeof parseEvaluationSet>): EvaluationSummary {
    const key = `${profileHash}:${sha256Hex(content)}`;
    const cached = this.#cache.get(key);
    if (cached) {
      // Map order is insertion order: moved to the end, it is the last to be dropped.
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      return cached;
    }
    const { ads, labelled } = parse();
    const compiled = compileProfile(profile);
    const summary = evaluationSummary(evaluate(compiled, labelled, analyseBatch(compiled, ads)));
    this.#cache.set(key, summary);
    if (this.#cache.size > CACHED) this.#cache.delete(this.#cache.keys().next().value!);
    return summary;
  }
}

/** A set checked at load that has since been moved or broken on disk is the operator's to fix, not
 *  a fault in the admin's request. */
function asConfigProblem<T>(theme: string, set: EvaluationSet, run: () => T): T {
  try { return run(); } catch (e) {
    if (e instanceof BakenError && e.code === 'INPUT_INVALID') {
      throw new BakenError('CONFIG_INVALID', `themes/${theme}: evaluation set "${set.name}": ${e.message}`, { cause: e });
    }
    throw e;
  }
}
