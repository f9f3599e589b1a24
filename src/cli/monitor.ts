// `baken monitor`: the municipal monitor's figures per municipality, as the supervisor's dashboard
// shows them (small counts suppressed), through the application layer under the operator's name.
import { BakenError } from '../domain/errors.ts';
import type { MonitorView } from '../services/monitor.service.ts';
import { parse, requireString } from './args.ts';
import { operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';
import { SUPPRESSED } from '../reports/document.ts';

export const usage = 'baken monitor --theme T [--from 2026-W40 --to 2026-W48] [--province P] [--json] [--by NAME]   ads per municipality: active, new, gone, licensed, unlicensed, unknown (default: the current ISO week)';

const COLUMNS = ['active', 'new', 'gone', 'licensed', 'unlicensed', 'unknown'] as const;

export async function monitor(args: string[]): Promise<number> {
  const { values } = parse(args, { by: OPERATOR_OPTIONS.by, theme: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, province: { type: 'string' } });
  const theme = requireString(values.theme, 'theme');
  return withApp(values, async (app) => {
    if (!app.config.themes.has(theme)) throw new BakenError('THEME_UNKNOWN', `no theme "${theme}" in ${app.config.dir}/themes`);
    const who = operator(app, 'supervisor', values, theme);
    const query = { theme, ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}), ...(values.province ? { province: values.province } : {}) };
    const figures = await refusalsAudited(app, who, { themes: [theme], query }, () => app.services.monitor.figures(who, query));
    if (values.json) printJson(figures);
    else for (const line of table(figures)) say(line);
    return 0;
  });
}

function table(f: MonitorView): string[] {
  const shown = (n: number | null) => (n === null ? SUPPRESSED : String(n));
  const rows = [
    ...f.municipalities.map((m) => [m.code, m.name, ...COLUMNS.map((c) => shown(m[c]))]),
    ['', 'total', ...COLUMNS.map((c) => shown(f.totals[c]))],
  ];
  const header = ['code', 'municipality', ...COLUMNS];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [
    `${f.theme} ${f.from} – ${f.to}${f.suppressedBelow === null ? '' : `; counts below ${f.suppressedBelow} suppressed (${SUPPRESSED})`}`,
    line(header), ...rows.map(line),
    `not placed: ${shown(f.unresolved.ambiguous)} ambiguous, ${shown(f.unresolved.unknown)} unknown place`,
  ];
}
