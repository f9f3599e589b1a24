// A failed page's reason (free text from the browser or the site) as one of a few causes, so the
// metrics have a bounded label and never carry a URL or a site's own words.

export const FAILURE_CAUSES = ['list-page', 'http-error', 'timeout', 'redirect', 'too-large', 'refused', 'network', 'other'] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

const RULES: readonly [RegExp, FailureCause][] = [
  [/^(discovery failed|list page)/i, 'list-page'],
  [/^HTTP \d{3}/, 'http-error'],
  [/timeout|timed out/i, 'timeout'],
  [/redirect/i, 'redirect'],
  [/larger than|too large/i, 'too-large'],
  [/^refused|allowPrivateNetworks|not allowed/i, 'refused'],
  [/net::|ERR_|no response|connection|closed|crash/i, 'network'],
];

export function failureCause(reason: string): FailureCause {
  return RULES.find(([pattern]) => pattern.test(reason))?.[1] ?? 'other';
}
