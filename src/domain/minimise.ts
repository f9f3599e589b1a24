// Minimum by default (Wpg art. 4b): a kept ad is reduced to what its theme may store.
import type { AdFields, FieldName } from './ad.ts';

export interface StorePolicy {
  fields: readonly FieldName[];
  html: boolean;
  images: boolean;
  screenshot: 'png' | 'jpeg' | 'none';
}

export function allowedFields(fields: AdFields, policy: StorePolicy): AdFields {
  const out: Record<string, unknown> = {};
  for (const name of policy.fields) {
    if (fields[name] !== undefined) out[name] = fields[name];
  }
  return out as AdFields;
}

/** The ad's own images only — never the site's logos and banners — and only where allowed. */
export function allowedImageUrls(fields: AdFields, policy: StorePolicy): string[] {
  return policy.images ? fields.images ?? [] : [];
}
