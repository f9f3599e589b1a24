// `baken export`: the operator follows the same rule as everyone (issue 13): an export is requested,
// approved or refused by a second named person, then downloaded once by its requester. Only the
// public key leaves directly: it is no data of anyone, and lets a third party check what was exported.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Who } from '../accounts/actor.ts';
import { BakenError } from '../domain/errors.ts';
import type { ExportRequest } from '../domain/export-request.ts';
import { loadPublicKey } from '../evidence/signing-key.ts';
import type { ApiApp } from '../app.ts';
import { EXPORT_KIND_IDS } from '../services/export-kinds.ts';
import { dataDir, parse, requireString } from './args.ts';
import { justificationOf, operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = `baken export request ${EXPORT_KIND_IDS.join('|')} [--ad ID | --theme T | --list ID] --justification WHY`
  + ' (pv: --officer NAME --unit UNIT [--format docx|pdf] [--search-date YYYY-MM-DD])'
  + ' | approve ID | refuse ID --reason WHY | list | download ID --out FILE|DIR | key --out FILE  [--by NAME]';

const STEPS = ['request', 'approve', 'refuse', 'list', 'download', 'key'] as const;
type Step = (typeof STEPS)[number];

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...OPERATOR_OPTIONS, out: { type: 'string' }, ad: { type: 'string' }, theme: { type: 'string' }, list: { type: 'string' }, reason: { type: 'string' },
    officer: { type: 'string' }, unit: { type: 'string' }, format: { type: 'string' }, 'search-date': { type: 'string' },
  }, true);
  const step = positionals[0] as Step;
  if (!STEPS.includes(step)) throw new BakenError('USAGE', `export what? expected ${STEPS.join(', ')}; usage: ${usage}`);
  if (step === 'key') {
    const out = resolve(requireString(values.out, 'out'));
    const key = loadPublicKey(dataDir(values.data));
    writeFileSync(out, key.pem);
    return report(values.json, { out, keyId: key.keyId }, `wrote ${out}: key ${key.keyId}`);
  }
  const id = step === 'request' || step === 'list' ? '' : requireString(positionals[1], 'the request id');
  return withApp(values, async (app) => {
    const who = operator(app, 'expert', values);
    const probed = { resources: id ? [id] : [], query: { command: `export ${step}`, kind: positionals[1] }, justification: values.justification ?? null };
    return refusalsAudited(app, who, probed, async () => {
      switch (step) {
        case 'request': {
          const kind = requireString(positionals[1], `the kind (${EXPORT_KIND_IDS.join(', ')})`);
          const subject = values.ad ?? values.list ?? null;
          const r = await app.services.exports.request(who, {
            kind, subject, ...(values.theme === undefined ? {} : { theme: values.theme }), params: paramsOf(values), justification: justificationOf(values),
          });
          return report(values.json, r, `export request ${r.id}: ${r.state === 'approved' ? 'approved at once (four-eyes is off for this theme)' : 'awaits a second person\'s approval'}`);
        }
        case 'approve': {
          const r = await app.services.exports.approve(who, id);
          return report(values.json, r, `export request ${r.id} approved by ${r.decidedBy}`);
        }
        case 'refuse': {
          const r = await app.services.exports.refuse(who, id, requireString(values.reason, 'reason'));
          return report(values.json, r, `export request ${r.id} refused by ${r.decidedBy}: ${r.reason}`);
        }
        case 'list': {
          const lists = await app.services.exports.list(who);
          return report(values.json, lists, [
            `yours (${lists.mine.length}):`, ...lists.mine.map(line),
            `awaiting your decision (${lists.awaiting.length}):`, ...lists.awaiting.map(line),
          ].join('\n'));
        }
        case 'download': return download(app, who, id, resolve(requireString(values.out, 'out')), values.json);
      }
    });
  });
}

/** `out` is the file to write, or a directory to write it into under the artefact's own name. */
async function download(app: ApiApp, who: Who, id: string, out: string, json: boolean): Promise<number> {
  const intoDir = existsSync(out) && statSync(out).isDirectory();
  const artefact = await app.services.exports.download(who, id);
  const path = intoDir ? join(out, artefact.filename) : out;
  writeFileSync(path, artefact.bytes, { mode: 0o600 });
  const result = { out: path, bytes: artefact.bytes.length, sha256: artefact.request.sha256 };
  return report(json, result, `wrote ${path}: ${result.bytes} bytes, sha256 ${result.sha256}`);
}

function line(r: ExportRequest): string {
  return `  ${r.id}  ${r.kind} of ${r.subject ?? r.theme}  ${r.state}${r.decidedBy ? ` by ${r.decidedBy}` : ''}  requested by ${r.requestedBy} at ${r.requestedAt}: ${r.justification}`
    + (r.reason ? `; refused: ${r.reason}` : '');
}

function report(json: boolean, result: object, text: string): number {
  if (json) printJson(result);
  else say(text);
  return 0;
}

/** The parameters a kind takes besides its subject (a PV's officer, unit and format), as given. */
function paramsOf(values: { officer?: string; unit?: string; format?: string; 'search-date'?: string }): Record<string, string> {
  const given = { officer: values.officer, unit: values.unit, format: values.format, searchDate: values['search-date'] };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Record<string, string>;
}
