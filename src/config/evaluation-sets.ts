// A theme's labelled sets (themes/*.yaml `evaluation`), checked when the configuration loads, so the
// admin's evaluation page never meets a missing file or a bad line the operator could have fixed
// at start. The files are read again when evaluated: a set that changed since is measured as it is.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BakenError } from '../domain/errors.ts';
import { parseLabelledAds, type LabelledSet } from '../analyse/labelled-ads.ts';
import type { Theme } from './schema.ts';

export type EvaluationSet = Theme['evaluation'][number];

/** `file` as configured: absolute, or relative to the configuration directory. */
export function evaluationPath(dir: string, file: string): string {
  return isAbsolute(file) ? file : join(dir, file);
}

/** The set's text, for hashing before it is parsed; INPUT_INVALID naming the file when unreadable. */
export function readEvaluationFile(dir: string, set: EvaluationSet): string {
  try { return readFileSync(evaluationPath(dir, set.file), 'utf8'); } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message;
    throw new BakenError('INPUT_INVALID', `cannot read ${set.file} (${reason}; a relative path is read from the configuration directory)`, { cause });
  }
}

export function parseEvaluationSet(content: string, set: EvaluationSet): LabelledSet {
  return parseLabelledAds(content, set.file);
}

/** Every set of every theme that cannot be read or has a bad line, as `file: evaluation.N.file: why`. */
export function evaluationSetProblems(themes: Iterable<Theme>, dir: string, fileOf: (ref: string) => string): string[] {
  const problems: string[] = [];
  for (const theme of themes) {
    theme.evaluation.forEach((set, i) => {
      try { parseEvaluationSet(readEvaluationFile(dir, set), set); } catch (e) {
        if (!(e instanceof BakenError)) throw e;
        problems.push(`${fileOf(`themes/${theme.id}`)}: evaluation.${i}.file: ${e.message}`);
      }
    });
  }
  return problems;
}
