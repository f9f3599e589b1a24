// The software version recorded with every capture (origin and method, Wpg art. 3(5)).
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const SOFTWARE_VERSION = `baken/${pkg.version}`;
