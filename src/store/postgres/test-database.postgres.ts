// A fresh PostgreSQL database per test suite, dropped afterwards: tests never share or keep data.
// BAKEN_TEST_POSTGRES names the server (default: the local one, user postgres, trust auth).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const SERVER = process.env.BAKEN_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase { url: string; drop(): Promise<void> }

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `baken_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
