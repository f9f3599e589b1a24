// "The selection criteria fill a list per municipality each run" (issue 14): after each run of a
// municipal theme, and each change of its reference data (a match may come or go with a register),
// its inspection lists follow the selection anew.
import { InspectionService } from './inspection.service.ts';
import { MonitorService } from './monitor.service.ts';
import type { ServiceContext } from './context.ts';

export async function refreshInspectionLists(c: ServiceContext, theme: string): Promise<void> {
  if (c.config.current.themes.get(theme)?.kind !== 'municipal') return;
  await new InspectionService(c).refresh(theme, await new MonitorService(c).selection(theme), c.now().toISOString());
}
