// The text of a field cut into segments where indicator evidence starts and ends, so each matched
// span renders as a <mark> (never as HTML built from the text). Offsets are UTF-16 code units, as
// the analysis takes them with String.slice; a boundary inside a surrogate pair moves to its start,
// so no emoji is ever cut in half.
import type { Evidence, Hit } from './ad-types';

/** One span of evidence; `ref` names its explanation (its place in the list of evidence). */
export interface Span { start: number; end: number; ref: number }

/** A run of the text; `refs` are the spans covering it (empty: plain text), `starts` those that
 *  begin here and `ends` those that end here, for anchors and footnote numbers. */
export interface Segment { text: string; refs: number[]; starts: number[]; ends: number[] }

export function segments(text: string, spans: readonly Span[]): Segment[] {
  const usable = spans
    .map((s) => ({ ref: s.ref, start: snap(text, clamp(s.start, text.length)), end: snap(text, clamp(s.end, text.length)) }))
    .filter((s) => s.start < s.end);
  const cuts = [...new Set([0, text.length, ...usable.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const covering = usable.filter((s) => s.start <= from && s.end >= to);
    out.push({
      text: text.slice(from, to),
      refs: covering.map((s) => s.ref),
      starts: covering.filter((s) => s.start === from).map((s) => s.ref),
      ends: covering.filter((s) => s.end === to).map((s) => s.ref),
    });
  }
  return out;
}

function clamp(n: number, length: number): number {
  return Math.min(Math.max(0, Math.trunc(n)), length);
}

/** Moves an offset that falls between the two halves of a surrogate pair to the pair's start. */
function snap(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return at;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff ? at - 1 : at;
}

// Which evidence marks which field: each piece of evidence numbered once, in the order of the hits,
// so a mark's footnote number and its explanation in the list agree.

export interface Numbered { ref: number; hit: Hit; evidence: Evidence }

export interface MarkedField { field: string; segments: Segment[] }

export function numberEvidence(hits: readonly Hit[]): Numbered[] {
  return hits.flatMap((hit) => hit.evidence.map((evidence) => ({ hit, evidence }))).map((e, ref) => ({ ref, ...e }));
}

/** The fields to show as marked text: title and text always (when present), and any other text
 *  field a span points into. */
export function markedFields(fields: Readonly<Record<string, unknown>>, evidence: readonly Numbered[]): MarkedField[] {
  const spanFields = evidence.flatMap((e) => (e.evidence.kind === 'span' ? [e.evidence.field] : []));
  const names = [...new Set(['title', 'text', ...spanFields])].filter((f) => typeof fields[f] === 'string');
  return names.map((field) => ({
    field,
    segments: segments(fields[field] as string, evidence.flatMap((e) =>
      e.evidence.kind === 'span' && e.evidence.field === field ? [{ start: e.evidence.start, end: e.evidence.end, ref: e.ref }] : [])),
  }));
}
