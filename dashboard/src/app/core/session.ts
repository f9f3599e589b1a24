// Who is signed in. The cookie is HttpOnly, so the session is learnt from GET /api/session; the CSRF
// token it answers goes with every state-changing call (api-interceptor.ts).
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Api, ApiError } from './api';
import type { Role, SessionView } from './api-types';

@Injectable({ providedIn: 'root' })
export class Session {
  readonly #api = inject(Api);
  readonly #router = inject(Router);
  readonly #view = signal<SessionView | null>(null);
  #loaded: Promise<SessionView | null> | null = null;

  readonly view = this.#view.asReadonly();
  readonly user = computed(() => this.#view()?.user ?? null);
  readonly role = computed<Role | null>(() => this.#view()?.user.role ?? null);
  readonly themes = computed(() => this.#view()?.user.themes ?? []);
  /** Linking ads by phone or network combines personal data: the API allows it to experts and analysts only. */
  readonly linksPeople = computed(() => this.role() === 'expert' || this.role() === 'analyst');
  readonly justification = computed(() => this.#view()?.justification ?? null);
  readonly csrfToken = computed(() => this.#view()?.csrfToken ?? null);

  /** The session, asked of the server once per page load; null when nobody is signed in. */
  load(): Promise<SessionView | null> {
    this.#loaded ??= this.#api.get<SessionView>('/session').then(
      (view) => { this.#view.set(view); return view; },
      (e: unknown) => { if (e instanceof ApiError && e.status === 401) return null; throw e; },
    );
    return this.#loaded;
  }

  async signIn(name: string, password: string, totp: string): Promise<void> {
    const view = await this.#api.post<SessionView>('/session', { name, password, ...(totp ? { totp } : {}) });
    this.#view.set(view);
    this.#loaded = Promise.resolve(view);
  }

  async justify(justification: string): Promise<void> {
    this.#view.set(await this.#api.put<SessionView>('/session/justification', { justification }));
  }

  async signOut(): Promise<void> {
    try { await this.#api.delete('/session'); } finally { this.forget(); }
    await this.#router.navigate(['/sign-in']);
  }

  /** The server ended the session (idle, absolute limit, account changed): back to sign-in, and
   *  from there back to where the user was. */
  async ended(): Promise<void> {
    if (this.#view() === null && this.#router.url.startsWith('/sign-in')) return;
    const next = this.#router.url;
    this.forget();
    await this.#router.navigate(['/sign-in'], { queryParams: { next, ended: 1 } });
  }

  forget(): void {
    this.#view.set(null);
    this.#loaded = Promise.resolve(null);
  }
}
