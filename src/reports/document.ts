// What a report says, apart from how it is laid out: the official report, its attachment, the record
// of processing and the transparency report are built as one of these, and a renderer (DOCX, PDF,
// Markdown) turns it into a file. Renderers know no report; reports know no file format.

export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string }
  /** Label and value pairs: the filled-in fields of a standard text. */
  | { kind: 'fields'; rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { kind: 'table'; header: readonly string[]; rows: ReadonlyArray<readonly string[]> }
  /** A visibly marked, empty block that a person fills in by hand (the officer's own assessment). */
  | { kind: 'marked'; title: string; note: string; lines: number }
  /** Counts where people would rather look than read; a null value is a suppressed count. */
  | { kind: 'bars'; title: string; bars: ReadonlyArray<{ label: string; value: number | null }> };

export interface ReportDocument {
  title: string;
  /** Document language, e.g. 'nl'. */
  lang: string;
  /** Shown small in the header or footer of every page: template version, software version. */
  footer: string;
  blocks: readonly Block[];
}

/** How every renderer shows a suppressed count: the reader sees that a figure exists, never how small. */
export const SUPPRESSED = '—';
