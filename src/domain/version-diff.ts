// What changed between two versions of an ad, field by field: a changed text shows the words that
// went and came, so a reader sees a new price or phone number at a glance instead of two whole texts.
import { diffWords } from 'diff';
import type { AdFields } from './ad.ts';

export type FieldChange = 'same' | 'changed' | 'added' | 'removed';

/** A run of the field's text: kept, removed (only in the older version) or added (only in the newer). */
export interface DiffPart { op: 'keep' | 'remove' | 'add'; text: string }

export interface FieldDiff { field: string; change: FieldChange; parts: DiffPart[] }

/** Fields in the order they first occur (older version first), each with its word-level parts. */
export function diffFields(from: AdFields, to: AdFields): FieldDiff[] {
  const names = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return names.map((field) => {
    const a = textOf((from as Record<string, unknown>)[field]);
    const b = textOf((to as Record<string, unknown>)[field]);
    if (a === null) return { field, change: 'added', parts: b === null ? [] : [{ op: 'add', text: b }] };
    if (b === null) return { field, change: 'removed', parts: [{ op: 'remove', text: a }] };
    if (a === b) return { field, change: 'same', parts: [{ op: 'keep', text: a }] };
    const parts = diffWords(a, b).map((c): DiffPart => ({ op: c.added ? 'add' : c.removed ? 'remove' : 'keep', text: c.value }));
    return { field, change: 'changed', parts };
  });
}

/** A field as one line of text: strings as they are, lists joined, anything else as JSON. */
function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}
