// `baken report KIND`: the official report of one ad and its attachment, the record of processing,
// the transparency report for the oversight committee, and a municipality's council report.
import { councilUsage, reportCouncil } from './report-council.ts';
import { documentsUsage, reportDocument } from './report-documents.ts';
import { reportTransparency, transparencyUsage } from './report-transparency.ts';

export const usage = `${documentsUsage} | ${transparencyUsage.replace(/^baken report /, '')} | ${councilUsage.replace(/^baken report /, '')}`;

export function report(args: string[]): Promise<number> {
  if (args[0] === 'transparency') return reportTransparency(args);
  return args[0] === 'council' ? reportCouncil(args) : reportDocument(args);
}
