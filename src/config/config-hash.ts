// One fingerprint of the loaded configuration, as reports state it: the SHA-256 of its canonical
// JSON. Where the files lie is left out, so the same configuration hashes alike on every machine; so
// are the report templates, which state their own version in every report made from them.
import { canonicalJson, sha256Hex } from '../domain/canonical-json.ts';
import type { Config } from './load.ts';

export function configHash(config: Config): string {
  const { dir: _dir, reports: _reports, ...kinds } = config;
  return sha256Hex(canonicalJson(Object.fromEntries(Object.entries(kinds).map(([kind, items]) => [kind, Object.fromEntries(items)]))));
}
