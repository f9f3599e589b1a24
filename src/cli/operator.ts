import { userInfo } from 'node:os';
import type { Who } from '../accounts/actor.ts';
import type { Config } from '../config/load.ts';

/** The operator at the machine acts as an admin of every configured theme; the trail names them. */
export function operator(config: Config): Who {
  return {
    actor: { kind: 'cli', id: 'cli', name: `cli:${userInfo().username}`, role: 'admin', themes: [...config.themes.keys()] },
    client: 'local',
  };
}
