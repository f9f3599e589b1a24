// One account per role for the demo, so that `npm start` can be tried at once. The passwords are
// printed and public: the demo runs on loopback with synthetic data, never on a real installation.
import type { Role } from '../accounts/roles.ts';
import type { ApiApp } from '../app.ts';
import type { Who } from '../accounts/actor.ts';

export interface DemoUser { name: string; role: Role; password: string; themes: string[] }

export const DEMO_ACCOUNTS: readonly { name: string; role: Role; password: string; kinds: string[] }[] = [
  { name: 'expert', role: 'expert', password: 'rode-tulpen-bij-de-gracht', kinds: ['police'] },
  { name: 'analist', role: 'analyst', password: 'groene-fietsen-op-de-dam', kinds: ['police'] },
  { name: 'toezichthouder', role: 'supervisor', password: 'blauwe-luiken-aan-het-plein', kinds: ['municipal'] },
  { name: 'beheerder', role: 'admin', password: 'gele-bruggen-over-de-maas', kinds: ['police', 'municipal'] },
  { name: 'auditor', role: 'auditor', password: 'witte-molens-in-de-polder', kinds: ['police', 'municipal'] },
];

/** Adds the demo accounts that do not exist yet, as the operator `who`. */
export async function ensureDemoUsers(app: ApiApp, who: Who): Promise<DemoUser[]> {
  const themes = [...app.config.themes.values()];
  const users: DemoUser[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const user = { name: a.name, role: a.role, password: a.password, themes: themes.filter((t) => a.kinds.includes(t.kind)).map((t) => t.id) };
    if (user.themes.length === 0) continue;
    if (!(await app.accounts.userByName(user.name))) {
      await app.services.users.add(who, { name: user.name, role: user.role, themes: user.themes, password: user.password, totp: false });
    }
    users.push(user);
  }
  return users;
}
