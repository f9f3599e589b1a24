// The one place that starts Chromium. Uses the operating system's Chromium (Debian package
// `chromium`) so no browser download is ever needed.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { BakenError } from '../domain/errors.ts';
import { captureBrowser, type CaptureBrowser } from './capture-session.ts';

// Without the background-networking flags Chromium keeps calling home, which a closed network
// refuses many times a second; QUIC is off so every fetch goes over TCP and has a server address.
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  return process.env.BAKEN_CHROMIUM ?? '/usr/bin/chromium';
}

/** The browser the crawler captures with: it sees capture sessions, never Playwright. A Chromium
 *  that dies mid-crawl is replaced by a new one. */
export async function launchBrowser(): Promise<CaptureBrowser> {
  return captureBrowser(await launchChromium(), launchChromium);
}

/** Chromium itself, for capture and for the benchmark's bare-Playwright baseline. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new BakenError('BROWSER_UNAVAILABLE',
      `Chromium not found at ${executablePath}: run "npm run setup" (installs Debian's chromium) or set BAKEN_CHROMIUM`);
  }
  try {
    // Playwright starts every launch with a fresh temporary profile and removes it on close;
    // contexts keep their cache in memory, so nothing of a deleted ad is left in a browser cache.
    // Signals are Baken's to handle: a stopping worker finishes its pages and closes the browser last.
    return await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  } catch (cause) {
    throw new BakenError('BROWSER_UNAVAILABLE', `Chromium at ${executablePath} did not start`, { cause });
  }
}
