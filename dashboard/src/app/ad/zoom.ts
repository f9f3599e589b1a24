// Zoom levels of the screenshot viewer: fixed steps, so buttons, keys and the wheel agree and the
// same level is always reached by the same presses.

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.5, 2, 3, 4] as const;
export const ZOOM_DEFAULT = 2; // index of 1 (100 %)

export function zoomIn(step: number): number {
  return Math.min(step + 1, ZOOM_STEPS.length - 1);
}

export function zoomOut(step: number): number {
  return Math.max(step - 1, 0);
}

export function scaleOf(step: number): number {
  return ZOOM_STEPS[Math.min(Math.max(step, 0), ZOOM_STEPS.length - 1)]!;
}

/** The step after a key press in the viewer, or null for a key the viewer leaves alone. */
export function zoomByKey(step: number, key: string): number | null {
  if (key === '+' || key === '=') return zoomIn(step);
  if (key === '-' || key === '_') return zoomOut(step);
  if (key === '0') return ZOOM_DEFAULT;
  return null;
}

/** One step per wheel event: up zooms in, down zooms out. */
export function zoomByWheel(step: number, deltaY: number): number {
  if (deltaY < 0) return zoomIn(step);
  if (deltaY > 0) return zoomOut(step);
  return step;
}
