// Nothing leaves Baken without a named human decision (issue 13 item 3): an export (WARC, evidence
// bundle, list CSV, …) is requested with a justification, approved or refused by a second person who
// holds the theme and may do the same export, and only then downloaded — once, by its requester.
// Each step is audited (exports.*) and is a custody event; the download's custody entry holds the
// artefact's SHA-256 and is anchored before the bytes are handed over. A theme can switch four-eyes
// off (`exports.fourEyes: false`): the request then stands approved under the requester's name.
import type { Who } from '../accounts/actor.ts';
import { decide } from '../accounts/policy.ts';
import { sha256Hex } from '../domain/canonical-json.ts';
import { BakenError } from '../domain/errors.ts';
import { assertMayDecide, assertMayDownload, initialDecision, type ExportRequest } from '../domain/export-request.ts';
import { checkedJustification } from '../domain/justification.ts';
import { recordExportCustody } from '../evidence/export.ts';
import { authorise, themeRef, themesFor, type ServiceContext } from './context.ts';
import { EXPORT_KINDS, exportKind, type ExportArtefact, type ExportAsked } from './export-kinds.ts';

export interface ExportAsk extends ExportAsked { kind: string; justification: string }

export class ExportService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async request(who: Who, ask: ExportAsk): Promise<ExportRequest> {
    const kind = exportKind(ask.kind);
    const justification = checkedJustification(ask.justification);
    const target = await kind.target(this.#c, who, ask);
    const fourEyes = this.#c.config.current.themes.get(target.theme)!.exports.fourEyes;
    const request = await this.#c.exportRequests.addExportRequest({
      kind: ask.kind, ...target, justification, requestedBy: who.actor.name, ...initialDecision(fourEyes, who.actor.name),
    }, this.#now());
    await this.#record(who, 'exports.request', request, { params: request.params });
    await this.#custody('export-request', request, who, { kind: request.kind, theme: request.theme, subject: request.subject });
    if (!fourEyes) {
      await this.#record(who, 'exports.approve', request, { fourEyes: false });
      await this.#custody('export-approve', request, who);
    }
    return request;
  }

  /** The caller's own requests, and those of others they may decide. Ad ids and justifications of
   *  colleagues are shown, so the listing is audited too. */
  async list(who: Who): Promise<{ mine: ExportRequest[]; awaiting: ExportRequest[] }> {
    const themes = themesFor(who, 'exports.use', this.#c.config.current);
    const mine = await this.#c.exportRequests.exportRequests({ themes, requestedBy: who.actor.name });
    const awaiting = who.actor.kind === 'token' ? [] : (await this.#c.exportRequests.exportRequests({ themes, state: 'requested' }))
      .filter((r) => r.requestedBy.toLowerCase() !== who.actor.name.toLowerCase() && this.#mayHandle(who, r));
    const shown = [...mine, ...awaiting];
    await this.#c.trail.record(who, 'exports.read', {
      themes, resources: shown.map((r) => r.id), count: shown.length,
    });
    return { mine, awaiting };
  }

  async approve(who: Who, id: string): Promise<ExportRequest> {
    return this.#decide(who, id, 'approved', null);
  }

  async refuse(who: Who, id: string, reason: string): Promise<ExportRequest> {
    const why = reason.trim();
    if (why === '') throw new BakenError('INPUT_INVALID', 'a refusal needs a reason the requester can act on');
    return this.#decide(who, id, 'refused', why);
  }

  /** The artefact of an approved request, made now, for its requester, once. */
  async download(who: Who, id: string): Promise<ExportArtefact & { request: ExportRequest }> {
    const request = await this.#visible(who, id);
    assertMayDownload(request, who.actor);
    const artefact = await exportKind(request.kind).produce(this.#c, request);
    const sha256 = sha256Hex(artefact.bytes);
    if (!await this.#c.exportRequests.markExportDownloaded(id, who.actor.name, sha256, this.#now())) {
      throw new BakenError('CONFLICT', `export ${id} changed while being downloaded; look at it again`);
    }
    await this.#c.trail.record(who, 'exports.download', {
      themes: [request.theme], resources: [id, ...artefact.ads], query: { kind: request.kind, sha256, bytes: artefact.bytes.length },
      count: artefact.ads.length, justification: request.justification,
    });
    await recordExportCustody(this.#c, { request: id, kind: request.kind, captures: artefact.captures, sha256 });
    return { ...artefact, request: (await this.#c.exportRequests.exportRequest(id, [request.theme]))! };
  }

  async #decide(who: Who, id: string, state: 'approved' | 'refused', reason: string | null): Promise<ExportRequest> {
    const request = await this.#visible(who, id);
    assertMayDecide(request, who.actor);
    if (!await this.#c.exportRequests.decideExportRequest(id, { state, by: who.actor.name, reason }, this.#now())) {
      throw new BakenError('CONFLICT', `export request ${id} was decided meanwhile; look at it again`);
    }
    const decided = (await this.#c.exportRequests.exportRequest(id, [request.theme]))!;
    if (state === 'approved') {
      await this.#record(who, 'exports.approve', decided, {});
      await this.#custody('export-approve', decided, who);
    } else {
      await this.#record(who, 'exports.refuse', decided, { reason });
      await this.#custody('export-refuse', decided, who);
    }
    return decided;
  }

  /** A request of another theme, or of a kind the caller's role may not handle there, is not found
   *  (FORBIDDEN when the role may never do that kind of export). */
  async #visible(who: Who, id: string): Promise<ExportRequest> {
    const request = await this.#c.exportRequests.exportRequest(id, themesFor(who, 'exports.use', this.#c.config.current));
    const kind = request ? exportKind(request.kind) : null;
    authorise(who, kind?.action ?? 'exports.use', request ? themeRef(this.#c.config.current, request.theme) : null, `no export request ${id}`);
    return request!;
  }

  #mayHandle(who: Who, r: ExportRequest): boolean {
    const kind = Object.hasOwn(EXPORT_KINDS, r.kind) ? exportKind(r.kind) : null;
    const theme = themeRef(this.#c.config.current, r.theme);
    return kind !== null && theme !== null && decide(who.actor, kind.action, theme) === 'allow';
  }

  async #record(who: Who, action: 'exports.request' | 'exports.approve' | 'exports.refuse', r: ExportRequest, query: Record<string, unknown>): Promise<void> {
    await this.#c.trail.record(who, action, {
      themes: [r.theme], resources: [r.id, ...(r.subject === null ? [] : [r.subject])], query: { kind: r.kind, ...query }, count: 1,
      justification: r.justification,
    });
  }

  /** Who did what to the request, in the custody log beside what it records of the evidence. */
  async #custody(action: string, r: ExportRequest, who: Who, extra: Record<string, unknown> = {}): Promise<void> {
    await this.#c.store.appendLog('custody', { action, request: r.id, by: who.actor.name, ...extra });
  }

  #now(): string {
    return this.#c.now().toISOString();
  }
}
