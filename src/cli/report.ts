// `baken report KIND`: the official report of one ad and its attachment, the record of processing,
// and the transparency report for the oversight committee.
import { documentsUsage, reportDocument } from './report-documents.ts';
import { reportTransparency, transparencyUsage } from './report-transparency.ts';

export const usage = `${documentsUsage} | ${transparencyUsage.replace(/^baken report /, '')}`;

export function report(args: string[]): Promise<number> {
  return args[0] === 'transparency' ? reportTransparency(args) : reportDocument(args);
}
