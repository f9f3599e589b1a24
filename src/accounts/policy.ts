// Authorisation in one place: every route and every service asks `decide` (Wpg art. 6: authorisation
// per operation, deny by default). Pure: the caller supplies the theme of the resource it touches.
import type { Actor } from './actor.ts';
import { GRANTS, MUNICIPAL_ONLY, THEME_KINDS, type Action } from './roles.ts';

export interface ThemeRef { id: string; kind: string }

/** `hidden` answers 404, never 403: a caller must not learn that a resource of another theme exists. */
export type Decision = 'allow' | 'forbidden' | 'hidden';

/** `theme` null asks only whether the role may ever do this; a resource's theme asks about that one. */
export function decide(actor: Actor, action: Action, theme: ThemeRef | null): Decision {
  if (!GRANTS[actor.role].has(action)) return 'forbidden';
  if (theme === null) return 'allow';
  if (!actor.themes.includes(theme.id) || !THEME_KINDS[actor.role].has(theme.kind)) return 'hidden';
  const only = MUNICIPAL_ONLY[action];
  if (only && (theme.kind !== 'municipal' || !only.has(actor.role))) return 'hidden';
  return 'allow';
}

/** The themes an actor may act on for an action, out of the themes that exist. */
export function visibleThemes(actor: Actor, action: Action, themes: Iterable<ThemeRef>): string[] {
  return [...themes].filter((t) => decide(actor, action, t) === 'allow').map((t) => t.id);
}
