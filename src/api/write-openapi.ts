// `npm run openapi`: regenerates docs/openapi.json from the route table (src/api/openapi.test.ts fails
// until the committed file matches).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE, openApiDocument } from './openapi.ts';

writeFileSync(OPENAPI_FILE, await openApiDocument());
process.stdout.write(`wrote ${fileURLToPath(OPENAPI_FILE)}\n`);
