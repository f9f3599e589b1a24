// What a platform handler answers, before the server writes it (and hostile behaviours bend it).

export interface Reply {
  status: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** What a handler needs to know about the request. */
export interface RequestInfo {
  path: string;
  query: URLSearchParams;
  cookies: Map<string, string>;
  origin: string;
}

const HTML = 'text/html; charset=utf-8';

export function html(body: string, status = 200): Reply {
  return { status, type: HTML, body, headers: { 'cache-control': 'private, max-age=0, must-revalidate' } };
}

export function json(value: unknown, status = 200): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify(value), headers: { 'cache-control': 'no-store' } };
}

export function redirect(location: string, status = 302): Reply {
  return { status, type: HTML, body: `<!doctype html><title>Moved</title><a href="${escapeHtml(location)}">Moved</a>`, headers: { location, 'cache-control': 'no-store' } };
}

export function notFound(): Reply {
  return html('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>404 – Not found</h1></body></html>', 404);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
