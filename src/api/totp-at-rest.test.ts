// One-time codes on both stores as `baken serve` opens them: the TOTP secret is sealed with the key
// made in the data directory's keys/, and a code made from the enrolled secret signs in.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiApp } from '../app.ts';
import { totpCode, totpCounter } from '../accounts/totp.ts';
import { loadConfig } from '../config/load.ts';
import { AuditTrail } from '../services/audit-trail.ts';
import { UsersService } from '../services/users.service.ts';
import { operator } from '../cli/operator.ts';
import { createTestDatabase } from '../store/postgres/test-database.postgres.ts';
import { buildApi } from './build-api.ts';

const PASSWORD = 'seven tulips cross the bridge';
const CONFIG = new URL('../../config', import.meta.url).pathname;

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`one-time codes with the secret sealed at rest: ${kind}`, () => {
    it('signs in with a code from the secret shown at enrolment, sealed with an owner-only key made in keys/', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'baken-totp-'));
      const database = kind === 'postgres' ? await createTestDatabase() : null;
      const app = await openApiApp({ dataDir, database: database?.url ?? null, config: loadConfig(CONFIG) });
      try {
        const now = new Date();
        const users = new UsersService({ ...app, config: app.configuration, trail: new AuditTrail(app.store), now: () => now });
        const { totpUri } = await users.add(operator(app, 'admin', {}), { name: 'expert', role: 'expert', themes: ['mensenhandel'], password: PASSWORD, totp: true });
        const secret = new URL(totpUri!).searchParams.get('secret')!;
        assert.equal(statSync(join(dataDir, 'keys', 'secret.key')).mode & 0o777, 0o600);

        const api = await buildApi({ ...app, config: app.configuration, now: () => now });
        try {
          const login = (totp?: string) => api.inject({ method: 'POST', url: '/api/session', payload: { name: 'expert', password: PASSWORD, ...(totp ? { totp } : {}) } });
          assert.equal((await login()).statusCode, 401, 'no code');
          const res = await login(totpCode(secret, totpCounter(now)));
          assert.equal(res.statusCode, 201, res.body);
        } finally {
          await api.close();
        }
      } finally {
        await app.close();
        await database?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
