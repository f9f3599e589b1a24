// `baken user …`: accounts for the API, managed by an operator on the machine itself. Goes through
// the same service as the admin API, so the same checks apply and every change is audited.
import { text } from 'node:stream/consumers';
import type { ApiApp } from '../app.ts';
import { isRole, ROLES } from '../accounts/roles.ts';
import type { UserView } from '../services/users.service.ts';
import { BakenError } from '../domain/errors.ts';
import { operator, withApp } from './operator.ts';
import { parse, requireString } from './args.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken user add --name N --role R --theme T[,T…] --password-stdin [--totp] | list | disable --name N | enable --name N | reset-password --name N --password-stdin | totp --name N';

const OPTIONS = {
  name: { type: 'string' }, role: { type: 'string' }, theme: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false }, totp: { type: 'boolean', default: false }, by: { type: 'string' },
} as const;

export async function user(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS, true);
  const [command, ...rest] = positionals;
  if (rest.length > 0) throw new BakenError('USAGE', `unexpected arguments: ${rest.join(' ')}`);
  return withApp(values, async (app) => {
    const { users } = app.services;
    const who = operator(app, 'admin', values);
    const show = (u: UserView, extra: Record<string, unknown> = {}) => {
      if (values.json) printJson({ ...u, ...extra });
      else say(`${u.name}  ${u.role}  ${u.themes.join(',')}${u.disabled ? '  disabled' : ''}${u.totp ? '  totp' : ''}${u.approved ? '' : '  awaiting approval'}`);
    };
    switch (command) {
      case 'add': {
        const role = requireString(values.role, 'role');
        if (!isRole(role)) throw new BakenError('USAGE', `--role: expected one of ${ROLES.join(', ')}, got "${role}"`);
        const themes = requireString(values.theme, 'theme').split(',').map((t) => t.trim()).filter(Boolean);
        const added = await users.add(who, { name: requireString(values.name, 'name'), role, themes, password: await passwordFromStdin(values['password-stdin']), totp: values.totp });
        show(added.user, added.totpUri ? { totpUri: added.totpUri } : {});
        if (added.totpUri && !values.json) say(`scan into an authenticator app (shown once): ${added.totpUri}`);
        return 0;
      }
      case 'list': {
        const all = await users.all(who);
        if (values.json) printJson(all);
        else for (const u of all) show(u);
        return 0;
      }
      case 'disable':
      case 'enable':
        show((await users.change(who, await idOf(app, values.name), { disabled: command === 'disable' })).user);
        return 0;
      case 'reset-password':
        show((await users.change(who, await idOf(app, values.name), { password: await passwordFromStdin(values['password-stdin']) })).user);
        return 0;
      case 'totp': {
        const uri = await users.enrolTotp(who, await idOf(app, values.name));
        if (values.json) printJson({ totpUri: uri });
        else say(`scan into an authenticator app (shown once): ${uri}`);
        return 0;
      }
      default:
        throw new BakenError('USAGE', `expected one of: add, list, disable, enable, reset-password, totp${command ? `, got "${command}"` : ''}`);
    }
  });
}

async function idOf(app: ApiApp, name: string | undefined): Promise<string> {
  const found = await app.accounts.userByName(requireString(name, 'name'));
  if (!found) throw new BakenError('NOT_FOUND', `no user named "${name}"`);
  return found.id;
}

/** Passwords never go on the command line, where other users and the shell history could see them. */
async function passwordFromStdin(flag: boolean): Promise<string> {
  if (!flag) throw new BakenError('USAGE', 'give the password on standard input with --password-stdin');
  const input = (await text(process.stdin)).replace(/\r?\n$/, '');
  if (input === '') throw new BakenError('USAGE', '--password-stdin: standard input was empty');
  return input;
}
