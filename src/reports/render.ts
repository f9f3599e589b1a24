// The file formats a report can be written in, chosen by the caller (the CLI from the file name).
import type { ReportDocument } from './document.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';

export const DOCUMENT_FORMATS = {
  docx: { render: renderDocx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { render: renderPdf, contentType: 'application/pdf' },
} as const;
export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

export function isDocumentFormat(value: string): value is DocumentFormat {
  return Object.hasOwn(DOCUMENT_FORMATS, value);
}
