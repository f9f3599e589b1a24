// H4 stand-in: only the interface the inspection lists consume; H3's selection.ts replaces this file.
import type { Municipality } from './types.ts';

/** An ad the theme's selection criteria chose, with each criterion's reason. */
export interface SelectedAd { adId: string; municipality: Municipality; criteria: { id: string; label: string; reason: string }[] }
