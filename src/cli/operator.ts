// The operator at the machine is a door like the API: every command that reads, changes or exports
// data goes through the application layer under the operator's name, with a justification where the
// API would ask for one, and is audited like an API call.
import { userInfo } from 'node:os';
import type { Who } from '../accounts/actor.ts';
import type { Role } from '../accounts/roles.ts';
import { openApiApp, openConfiguration, type ApiApp } from '../app.ts';
import type { Configuration } from '../config/configuration.ts';
import { checkedJustification } from '../domain/justification.ts';
import { configDir, storage } from './args.ts';

/** `--by NAME` names the person at the keyboard; `--justification` says why ad content is read. */
export const OPERATOR_OPTIONS = { by: { type: 'string' }, justification: { type: 'string' } } as const;

interface OperatorValues { by?: string; data?: string; database?: string; config?: string }

/** The operator acts in the role the command needs, over every configured theme or the one named;
 *  the trail records the name given with --by, or the account that runs the command. */
export function operator(app: Pick<ApiApp, 'config'>, role: Role, values: OperatorValues, theme?: string): Who {
  const name = values.by?.trim() || userInfo().username;
  return {
    actor: { kind: 'cli', id: `cli:${name}`, name, role, themes: theme !== undefined ? [theme] : [...app.config.themes.keys()] },
    client: 'local',
  };
}

/** Why ad content is read or exported (DESIGN §2a.5), from --justification. */
export function justificationOf(values: { justification?: string }): string {
  return checkedJustification(values.justification);
}

/** The configuration in force where the command's data lives (src/app.ts openConfiguration). */
export function configurationOf(values: OperatorValues): Promise<Configuration> {
  return openConfiguration(storage(values), configDir(values.config), values.by?.trim() || userInfo().username);
}

/** Opens the application layer for one command and closes it after, whatever happens. The command
 *  is one call at this door, recorded as the API records a change (AuditTrail.settled): its events are
 *  written as they happen, and when the command then fails (a hold that exists, a crawl that broke
 *  off) a `request.failed` event follows each, with the failure's code and the status the API would
 *  answer. A command that runs for days (the worker) settles each of its calls itself: `eachCall`. */
export async function withApp<T>(values: OperatorValues, use: (app: ApiApp) => Promise<T>, opts: { eachCall?: boolean } = {}): Promise<T> {
  const app = await openApiApp({ ...storage(values), config: await configurationOf(values) });
  try {
    return opts.eachCall ? await use(app) : await app.trail.settled(() => use(app), { ahead: true });
  } finally {
    await app.close();
  }
}

/** Runs a call as `who`, recording a refusal with what it probed, as the API does. */
export async function refusalsAudited<T>(app: ApiApp, who: Who, probed: { themes?: string[]; resources?: string[]; query?: Record<string, unknown>; justification?: string | null }, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    await app.services.refusals.record(who, e, probed);
    throw e;
  }
}
