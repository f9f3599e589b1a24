#!/usr/bin/env node
import { main } from '../src/cli/main.ts';

// `baken search … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
process.exitCode = await main(process.argv.slice(2));
