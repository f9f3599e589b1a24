// The OpenAPI document of the route table, as committed in docs/openapi.json. Generating it registers
// the routes only; no port is ever touched, so none is needed.
import { DEFAULT_API_SETTINGS } from '../config/api-settings.ts';
import { buildApi, type ApiDeps } from './build-api.ts';

export const OPENAPI_FILE = new URL('../../docs/openapi.json', import.meta.url);

export async function openApiDocument(): Promise<string> {
  const untouched = new Proxy({}, { get: (_t, name) => { throw new Error(`generating the OpenAPI document touched ${String(name)}`); } });
  const deps = { config: untouched, store: untouched, blobs: untouched, accounts: untouched, lists: untouched, jobs: untouched, settings: DEFAULT_API_SETTINGS } as unknown as ApiDeps;
  const app = await buildApi(deps);
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
