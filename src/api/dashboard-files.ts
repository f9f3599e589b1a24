// The dashboard's built files, served from the API's origin so that the session cookie, CSRF token
// and CSP hold for both. Every file is read once at start: a request can name only a file that was
// listed then, so no path reaches outside the build.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { BakenError } from '../domain/errors.ts';

/** Where `npm run setup` builds the dashboard. */
export const DASHBOARD_BUILD = new URL('../../dashboard/dist/browser', import.meta.url).pathname;

const NONCE_PLACEHOLDER = 'BAKEN_CSP_NONCE';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

// Angular's build names these files by their content hash: their bytes never change under a name.
const HASHED = /-[A-Za-z0-9_]{8}\.(js|css)$/;

interface BuiltFile { bytes: Buffer; type: string; immutable: boolean }

export function installDashboard(app: FastifyInstance, dir: string): void {
  const files = builtFiles(dir);
  const index = files.get('/index.html');
  if (!index) throw new BakenError('USAGE', `no dashboard build in ${dir}: run npm run setup`);
  const page = index.bytes.toString('utf8');

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    // The router has already refused a path that is not valid percent-encoding (400).
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (path === '/api' || path.startsWith('/api/')) throw new BakenError('NOT_FOUND', `no route GET ${path}`);
    // The page itself is always sent with a fresh nonce, also when asked for by its file name.
    if (path === '/index.html') return sendPage(reply, page);
    const file = files.get(path);
    if (file) {
      reply.header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.type(file.type).send(file.bytes);
    }
    // A file name that is not in the build is missing; any other path is a route of the dashboard.
    if (extname(path) !== '') throw new BakenError('NOT_FOUND', `no file ${path}`);
    return sendPage(reply, page);
  });
}

/** index.html with a fresh nonce: Angular puts it on the styles it adds at run time and on its
 *  import map, so the CSP allows those and no other inline code. */
function sendPage(reply: FastifyReply, page: string): FastifyReply {
  const nonce = randomBytes(16).toString('base64');
  reply.header('content-security-policy', [
    "default-src 'self'", `script-src 'self' 'nonce-${nonce}'`, `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
    "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'",
  ].join('; '));
  return reply.type(TYPES['.html']!).send(page.replaceAll(NONCE_PLACEHOLDER, nonce));
}

function builtFiles(dir: string): Map<string, BuiltFile> {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    throw new BakenError('USAGE', `no dashboard build in ${dir}: run npm run setup`);
  }
  const files = new Map<string, BuiltFile>();
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    const url = '/' + relative(dir, full).split(sep).join('/');
    files.set(url, { bytes: readFileSync(full), type: TYPES[extname(e.name)] ?? 'application/octet-stream', immutable: HASHED.test(e.name) });
  }
  return files;
}
