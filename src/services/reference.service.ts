// Reference data (issue 14 item 2): a municipal theme's own registers — the licence register, KvK
// extracts, crime-report extracts — imported from CSV or Excel by its supervisors or admins. A file
// is checked whole before anything is stored: one bad row and nothing is imported, and the caller
// gets every bad row with its number and reason. Each import is the next version of its kind; the
// audit trail records kind, version, rows and the file's SHA-256, never its content.
import type { Who } from '../accounts/actor.ts';
import { sha256Hex } from '../domain/canonical-json.ts';
import { BakenError } from '../domain/errors.ts';
import { readTable } from '../municipal/read-table.ts';
import { checkRows, type ColumnMapping } from '../municipal/reference-rows.ts';
import { REFERENCE_KINDS, type ReferenceImport, type ReferenceKind } from '../municipal/types.ts';
import { refreshInspectionLists } from './inspection-refresh.ts';
import { authorise, themeRef, themesFor, type ServiceContext } from './context.ts';

export interface ReferenceUpload {
  theme: string;
  kind: string;
  fileName: string;
  bytes: Uint8Array;
  /** Columns that differ from the theme's configured mapping (`reference.<kind>.columns`). */
  columns?: ColumnMapping;
}

/** A problem document stays readable: the first rows say what is wrong, the message how many more. */
const MAX_ROW_ERRORS = 1000;

export class ReferenceService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async import(who: Who, upload: ReferenceUpload): Promise<ReferenceImport> {
    const config = this.#c.config.current;
    authorise(who, 'reference.write', themeRef(config, upload.theme), `no theme "${upload.theme}"`);
    const kind = referenceKind(upload.kind);
    const fileName = upload.fileName.trim();
    if (fileName === '' || fileName.length > 200) throw new BakenError('INPUT_INVALID', 'the file needs a name of at most 200 characters');
    const configured = config.themes.get(upload.theme)!.reference[kind]?.columns ?? {};
    const sha256 = sha256Hex(upload.bytes);
    let checked: ReturnType<typeof checkRows>;
    try {
      checked = checkRows(kind, await readTable(upload.bytes), { ...configured, ...upload.columns });
    } catch (err) {
      await this.#refused(who, upload.theme, { kind, fileName, sha256 });
      throw err;
    }
    if (!checked.ok) {
      const rows = new Set(checked.errors.map((e) => e.row)).size;
      await this.#refused(who, upload.theme, { kind, fileName, sha256, badRows: rows });
      const more = checked.errors.length > MAX_ROW_ERRORS ? `; the first ${MAX_ROW_ERRORS} errors are listed` : '';
      throw new BakenError('INPUT_INVALID', `${fileName}: ${rows} ${rows === 1 ? 'row has' : 'rows have'} errors, so nothing was imported${more}`,
        { rows: checked.errors.slice(0, MAX_ROW_ERRORS) });
    }
    const imported = await this.#c.reference.addImport({
      theme: upload.theme, kind, fileName, sha256, rows: checked.rows.length, importedBy: who.actor.name, importedAt: this.#c.now().toISOString(),
    }, checked.rows);
    // The version is known only once stored; an import the trail cannot record is taken back.
    try {
      await this.#c.trail.record(who, 'reference.import', {
        themes: [imported.theme], resources: [imported.id], count: imported.rows,
        query: { kind, version: imported.version, rows: imported.rows, sha256, fileName },
      });
    } catch (err) {
      await this.#c.reference.deleteImport(imported.id);
      throw err;
    }
    await refreshInspectionLists(this.#c, imported.theme);
    return imported;
  }

  /** A refused file is an attempt the trail keeps too: which file (by hash), never what was in it. */
  async #refused(who: Who, theme: string, query: Record<string, unknown>): Promise<void> {
    await this.#c.trail.record(who, 'reference.import', { themes: [theme], count: 0, query, outcome: 'INPUT_INVALID' });
  }

  /** The caller's municipal themes (or the one asked for), and every version of their imports, newest first. */
  async versions(who: Who, theme?: string): Promise<{ themes: string[]; imports: ReferenceImport[] }> {
    const themes = themesFor(who, 'reference.read', this.#c.config.current, theme);
    const imports = await this.#c.reference.imports(themes);
    await this.#c.trail.record(who, 'reference.read', { themes, resources: imports.map((i) => i.id), count: imports.length });
    return { themes, imports };
  }

  /** Deletes one version with its rows; the version before it is in force again. */
  async delete(who: Who, id: string): Promise<ReferenceImport> {
    const found = (await this.#c.reference.imports(themesFor(who, 'reference.write', this.#c.config.current))).find((i) => i.id === id);
    authorise(who, 'reference.write', found ? themeRef(this.#c.config.current, found.theme) : null, `no reference data ${id}`);
    await this.#c.trail.record(who, 'reference.delete', {
      themes: [found!.theme], resources: [id], count: 1, query: { kind: found!.kind, version: found!.version },
    });
    if (!await this.#c.reference.deleteImport(id)) throw new BakenError('NOT_FOUND', `no reference data ${id}`);
    await refreshInspectionLists(this.#c, found!.theme);
    return found!;
  }
}

function referenceKind(kind: string): ReferenceKind {
  if ((REFERENCE_KINDS as readonly string[]).includes(kind)) return kind as ReferenceKind;
  throw new BakenError('INPUT_INVALID', `no kind of reference data "${kind}"; the kinds are ${REFERENCE_KINDS.join(', ')}`);
}
