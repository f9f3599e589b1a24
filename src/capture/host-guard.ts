// Refuses, while crawling, every request the browser makes to an address the theme does not allow —
// a start page, a redirect's next hop, a page's own images and scripts — before it leaves the
// machine (pentest finding 13). It works on the whole browser through the DevTools protocol's Fetch
// domain because Playwright's own routing never sees a redirect's next hop, which is exactly how
// such a request arrives.
import { lookup } from 'node:dns/promises';
import type { Browser, CDPSession } from 'playwright-core';
import { literalAddresses, type AddressPolicy } from '../domain/private-addresses.ts';

export interface HostGuard {
  /** Why the navigation that began at this URL was refused, if it was. */
  refusal(url: string): string | undefined;
  stop(): Promise<void>;
}

interface Paused { requestId: string; networkId?: string; resourceType: string; request: { url: string } }

export async function guardHosts(browser: Browser, policy: AddressPolicy, theme: string): Promise<HostGuard> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  // A redirect's hops share one network id: a refused hop is reported against the page first asked for.
  const firstUrl = new Map<string, string>();
  const refusals = new Map<string, string>();
  const addresses = new Map<string, Promise<string[]>>();
  const resolve = (host: string) => {
    const literal = literalAddresses(host);
    if (literal) return Promise.resolve(literal);
    if (!addresses.has(host)) addresses.set(host, lookup(host, { all: true }).then((all) => all.map((a) => a.address), () => []));
    return addresses.get(host)!;
  };
  const decide = async (e: Paused) => {
    const document = e.resourceType === 'Document' && e.networkId !== undefined;
    if (document && !firstUrl.has(e.networkId!)) firstUrl.set(e.networkId!, e.request.url);
    const reason = await refusalOf(e.request.url, policy, theme, resolve);
    try {
      if (reason === null) return await cdp.send('Fetch.continueRequest', { requestId: e.requestId });
      if (document) refusals.set(normalised(firstUrl.get(e.networkId!)!), reason);
      await cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'AddressUnreachable' });
    } catch {
      // The page was closed or navigated away meanwhile; the request no longer waits for an answer.
    }
  };
  cdp.on('Fetch.requestPaused', (e) => { void decide(e as Paused); });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
  return {
    refusal: (url) => refusals.get(normalised(url)),
    stop: async () => { await cdp.detach().catch(() => {}); },
  };
}

/** Why the guard would refuse a request for this URL, or null: for a refusal found by another guard,
 *  so the more serious cause (a private address) is the one recorded. */
export function addressRefusal(url: string, policy: AddressPolicy, theme: string): Promise<string | null> {
  return refusalOf(url, policy, theme, (host) => Promise.resolve(literalAddresses(host)
    ?? lookup(host, { all: true }).then((all) => all.map((a) => a.address), () => [])));
}

async function refusalOf(url: string, policy: AddressPolicy, theme: string, resolve: (host: string) => Promise<string[]>): Promise<string | null> {
  let parsed: URL;
  try { parsed = new URL(url); } catch { return null; }
  // data:, blob: and the browser's own pages never reach the network.
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return null;
  const refused = (await resolve(parsed.hostname)).filter((a) => policy.refuses(a));
  if (refused.length === 0) return null;
  return `refused ${parsed.origin}: ${parsed.hostname} is a loopback, private or link-local address (${refused.join(', ')}) `
    + `that theme "${theme}" does not list in allowPrivateNetworks`;
}

/** As the browser writes a URL (`http://a.example` asks for `http://a.example/`). */
function normalised(url: string): string {
  try { return new URL(url).href; } catch { return url; }
}
