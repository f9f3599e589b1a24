import { startDemoServer } from '../../demo/server.ts';
import { integer, parse } from './args.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken sites [--port 4100] [--day N] [--hostile]   serve the demo ad platforms';

export async function sites(args: string[]): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' }, day: { type: 'string' }, hostile: { type: 'boolean', default: false } });
  const server = await startDemoServer({
    port: integer(values.port, 'port', 4100), day: integer(values.day, 'day', 0), hostile: values.hostile,
  });
  if (values.json) printJson({ url: server.url });
  else say(`demo ad platforms at ${server.url}/classic/ ${server.url}/swipe/ ${server.url}/velvet/ (truth: ${server.url}/_truth.json); Ctrl-C stops`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await server.close();
  return 0;
}
