// Where each sighting sits on a timeline from the first to the last: a fraction from 0 to 1. One
// sighting, or all at the same moment, sit in the middle.

export interface Placed { at: string; position: number }

export function placeSightings(times: readonly string[]): Placed[] {
  const sorted = [...times].sort((a, b) => Date.parse(a) - Date.parse(b));
  const first = Date.parse(sorted[0] ?? '');
  const span = Date.parse(sorted.at(-1) ?? '') - first;
  return sorted.map((at) => ({ at, position: span > 0 ? (Date.parse(at) - first) / span : 0.5 }));
}
