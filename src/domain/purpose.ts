// Wpg art. 9/13: a theme may only collect within the period of its recorded purpose.
import { BakenError } from './errors.ts';

export interface Purpose { start: string; end: string }

export function assertPurposeCovers(themeId: string, purpose: Purpose, at: Date): void {
  const day = at.toISOString().slice(0, 10);
  if (day < purpose.start || day > purpose.end) {
    throw new BakenError('PURPOSE_EXPIRED',
      `theme "${themeId}" may only crawl from ${purpose.start} to ${purpose.end} (its purpose record); today is ${day}`);
  }
}
