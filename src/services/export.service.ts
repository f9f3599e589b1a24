// Evidence leaving Baken: a WARC of captures or a checkable bundle of one ad. An export discloses ad
// content, so it is authorised per theme and audited with its justification (DESIGN §2a.5), besides
// the custody entry the export itself writes.
import type { Who } from '../accounts/actor.ts';
import { exportBundle, exportWarc } from '../evidence/export.ts';
import { authorise, themeRef, themesFor, type ServiceContext } from './context.ts';

export class ExportService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  /** Every capture of one ad, or of all ads of the caller's themes (one theme when named). */
  async warc(who: Who, out: string, q: { adId?: string; theme?: string; justification: string }): Promise<{ captures: number; bytes: number }> {
    const themes = q.adId === undefined
      ? themesFor(who, 'ads.export', this.#c.config.current, q.theme)
      : [await this.#themeOfAd(who, q.adId)];
    const result = await exportWarc({ ...this.#c, themes }, out, q.adId);
    await this.#c.trail.record(who, 'ads.export', {
      themes, resources: q.adId ? [q.adId] : [], query: { format: 'warc' }, count: result.captures, justification: q.justification,
    });
    return result;
  }

  async bundle(who: Who, adId: string, dir: string, justification: string): Promise<{ files: string[] }> {
    const theme = await this.#themeOfAd(who, adId);
    const result = await exportBundle({ ...this.#c, themes: [theme] }, adId, dir);
    await this.#c.trail.record(who, 'ads.export', {
      themes: [theme], resources: [adId], query: { format: 'bundle' }, count: 1, justification,
    });
    return result;
  }

  async #themeOfAd(who: Who, id: string): Promise<string> {
    const ad = await this.#c.store.getAd(id, themesFor(who, 'ads.export', this.#c.config.current));
    authorise(who, 'ads.export', ad ? themeRef(this.#c.config.current, ad.theme) : null, `no ad ${id}`);
    return ad!.theme;
  }
}
