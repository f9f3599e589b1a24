// The reference-data port (issue 14 item 2): a theme's imported registers, one version per file. The
// newest version of a kind is the one in force; older ones stay listed until deleted. Version numbers
// are never given out twice for a kind, even after a deletion, so the audit trail's numbers stay unique.
import type { ReferenceImport, ReferenceKind, ReferenceRows } from '../municipal/types.ts';

export interface ReferenceStore {
  /** Stores a validated file's rows as the next version of its kind (version assigned atomically). */
  addImport(entry: Omit<ReferenceImport, 'id' | 'version'>, rows: readonly object[]): Promise<ReferenceImport>;
  /** Every version of the themes' imports, newest first. */
  imports(themes: readonly string[]): Promise<ReferenceImport[]>;
  /** The rows of the newest version of one kind (empty when none was imported). */
  currentRows<K extends ReferenceKind>(theme: string, kind: K): Promise<{ version: ReferenceImport | null; rows: ReferenceRows[K][] }>;
  deleteImport(id: string): Promise<boolean>;
}
