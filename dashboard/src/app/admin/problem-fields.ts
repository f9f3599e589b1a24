// A refusal of the API, put where the user can act on it: each message at the field it names. Pure,
// so it is tested without a browser.
import type { Problem } from '../core/api-types';

export interface FieldProblems {
  /** Messages per form field (the first segment of the problem's path: `themes.0` → `themes`). */
  fields: Readonly<Record<string, readonly string[]>>;
  /** What names no field of the form: shown above the form. */
  general: readonly string[];
}

/** The problem's `errors` at the fields the form has; the rest (and a problem without errors) is
 *  general. A weak password is the password field's, whatever the problem says. */
export function fieldProblems(problem: Problem, formFields: readonly string[]): FieldProblems {
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  const at = (field: string, message: string) => { (fields[field] ??= []).push(message); };
  if (problem.code === 'PASSWORD_WEAK' && formFields.includes('password')) {
    at('password', problem.detail);
    return { fields, general };
  }
  for (const e of problem.errors ?? []) {
    const field = e.path.split('.')[0] ?? '';
    if (formFields.includes(field)) at(field, e.message);
    else general.push(e.path && e.path !== '(whole)' ? `${e.path}: ${e.message}` : e.message);
  }
  if (!problem.errors?.length) general.push(problem.detail);
  return { fields, general };
}

export interface ConfigMessage {
  /** The path in the document (`discover.ads`), or null when the message names none. */
  path: string | null;
  message: string;
  /** The file the loader named (`sources/x`), when it named one. */
  file: string | null;
}

const LOADER_LINE = /^(\S+?): (\(top level\)|[\w.-]+): (.+)$/;
const YAML_LINE = /^(\S+?): (YAML syntax: .+)$/;

/** The messages of a refused configuration change: the schema's (`errors`, one per path) or the
 *  loader's (its detail, one line per problem: `file: path: message`). */
export function configMessages(problem: Problem): ConfigMessage[] {
  const body = (problem.errors ?? []).filter((e) => e.in === 'body');
  if (body.length > 0) {
    return body.map((e) => ({ path: e.path === '(whole)' ? null : e.path, message: e.message, file: null }));
  }
  const lines = problem.detail.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const out: ConfigMessage[] = [];
  const rest: string[] = [];
  for (const line of lines) {
    const m = LOADER_LINE.exec(line);
    const y = m ? null : YAML_LINE.exec(line);
    if (m) out.push({ file: m[1] ?? null, path: m[2] === '(top level)' ? null : (m[2] ?? null), message: m[3] ?? line });
    else if (y) out.push({ file: y[1] ?? null, path: null, message: y[2] ?? line });
    else rest.push(line);
  }
  // The refusal's own first line ("refused: the configuration would not load: …") stays, as said.
  if (out.length === 0) return [{ path: null, message: problem.detail, file: null }];
  return [{ path: null, message: rest.join(' '), file: null }, ...out].filter((m) => m.message.length > 0);
}

/** The 1-based line of a JSON document's text where the path's last named key stands, or null.
 *  Keys are looked for in order, each after the line of the one before; array indexes are skipped
 *  (the line of the array's key is near enough). */
export function lineOfPath(text: string, path: string | null): number | null {
  if (!path) return null;
  const lines = text.split('\n');
  let from = 0;
  let found: number | null = null;
  for (const key of path.split('.')) {
    if (/^\d+$/.test(key)) continue;
    const quoted = JSON.stringify(key);
    let hit = -1;
    for (let i = from; i < lines.length; i++) {
      if (lines[i]!.trimStart().startsWith(quoted + ':') || lines[i]!.trimStart().startsWith(quoted + ' :')) { hit = i; break; }
    }
    if (hit < 0) return found;
    found = hit + 1;
    from = hit + 1;
  }
  return found;
}

/** The document as the editor shows it. */
export function documentText(item: unknown): string {
  return JSON.stringify(item, null, 2);
}

export type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/** The editor's text as the body to send: a JSON object, or why it is none. */
export function parseDocument(text: string): Parsed {
  let value: unknown;
  try { value = JSON.parse(text); } catch (e) { return { ok: false, message: e instanceof Error ? e.message : String(e) }; }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'expected a JSON object { … }' };
  return { ok: true, value: value as Record<string, unknown> };
}
