import { startDemoServer } from '../../demo/server.ts';
import { PHOTO_MODES, type PhotoMode } from '../../demo/photo-heavy.ts';
import { WORLD_SIZES, type WorldSize } from '../../demo/world.ts';
import { BakenError } from '../domain/errors.ts';
import { integer, parse } from './args.ts';
import { printJson, say } from './output.ts';

export const usage = `baken sites [--port 4100] [--day N] [--hostile] [--size ${Object.keys(WORLD_SIZES).join('|')}] [--photos ${PHOTO_MODES.join('|')}]   serve the demo ad platforms`;

export async function sites(args: string[]): Promise<number> {
  const { values } = parse(args, {
    port: { type: 'string' }, day: { type: 'string' }, hostile: { type: 'boolean', default: false }, size: { type: 'string' }, photos: { type: 'string' },
  });
  const server = await startDemoServer({
    port: integer(values.port, 'port', 4100), day: integer(values.day, 'day', 0), hostile: values.hostile, size: worldSize(values.size),
    photos: photoMode(values.photos),
  });
  if (values.json) printJson({ url: server.url });
  else say(`demo ad platforms at ${server.url}/classic/ ${server.url}/swipe/ ${server.url}/velvet/ (truth: ${server.url}/_truth.json); Ctrl-C stops`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await server.close();
  return 0;
}

function worldSize(value: string | undefined): WorldSize {
  if (value === undefined) return 'default';
  if (!Object.hasOwn(WORLD_SIZES, value)) throw new BakenError('USAGE', `--size: expected one of ${Object.keys(WORLD_SIZES).join(', ')}, got "${value}"`);
  return value as WorldSize;
}

function photoMode(value: string | undefined): PhotoMode {
  if (value === undefined) return 'light';
  if (!(PHOTO_MODES as readonly string[]).includes(value)) throw new BakenError('USAGE', `--photos: expected one of ${PHOTO_MODES.join(', ')}, got "${value}"`);
  return value as PhotoMode;
}
