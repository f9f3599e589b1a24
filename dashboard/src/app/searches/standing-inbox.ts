// The count of unread hits of the user's standing searches, for the badge in the menu: asked again
// on every page the user opens, never sent anywhere outside the dashboard.
import { computed, inject, Injectable, signal } from '@angular/core';
import { Api } from '../core/api';
import { Session } from '../core/session';
import type { StandingInbox as Inbox } from './standing-types';

@Injectable({ providedIn: 'root' })
export class StandingInbox {
  readonly #api = inject(Api);
  readonly #session = inject(Session);
  readonly #unseen = signal(0);
  readonly unseen = this.#unseen.asReadonly();
  /** Standing searches are the specialists' own (the API allows them to experts and analysts). */
  readonly available = computed(() => this.#session.role() === 'expert' || this.#session.role() === 'analyst');

  async load(): Promise<Inbox | null> {
    if (!this.available()) return null;
    const inbox = await this.#api.get<Inbox>('/searches');
    this.#unseen.set(inbox.unseen);
    return inbox;
  }

  /** The badge only: a failure leaves the last count (the page itself says what went wrong). */
  refresh(): void {
    this.load().catch(() => undefined);
  }
}
