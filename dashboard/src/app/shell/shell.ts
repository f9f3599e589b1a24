// The frame around every page: skip link, navigation for the user's role (with the count of unread
// standing-search hits), language, sign-out.
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { fill } from '../core/text';
import { StandingInbox } from '../searches/standing-inbox';
import { I18n } from '../core/i18n';
import { LangSwitch } from '../core/lang-switch';
import { Session } from '../core/session';
import { ROLE_TEXT } from '../core/role.text';
import { SHELL_TEXT } from './shell.text';

interface NavItem { path: string; label: 'monitor' | 'search' | 'photo' | 'searches' | 'lists' | 'exports' | 'admin' | 'audit' | 'oversight' | 'reference' }

@Component({
  selector: 'bk-shell',
  imports: [LangSwitch, RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main">{{ t().skip }}</a>
    <header class="shell-header">
      <a class="brand" routerLink="/" [attr.aria-label]="t().home">
        <img src="favicon.svg" alt="" width="24" height="24"> Baken
      </a>
      <nav [attr.aria-label]="t().navigation">
        <ul>
          @for (item of nav(); track item.path) {
            <li><a [routerLink]="item.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t()[item.label] }}@if (item.label === 'searches' && inbox.unseen() > 0) {
              <span class="badge" [attr.aria-label]="fill(t().unseen, { n: inbox.unseen() })">{{ inbox.unseen() }}</span>
            }</a></li>
          }
        </ul>
      </nav>
      <div class="shell-tools">
        <bk-lang-switch />
        @if (session.user(); as user) {
          <span class="who">{{ user.name }} · {{ roles()[user.role] }}</span>
        }
        <button type="button" class="secondary" (click)="signOut()">{{ t().signOut }}</button>
      </div>
    </header>
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
})
export class Shell {
  protected readonly i18n = inject(I18n);
  protected readonly session = inject(Session);
  protected readonly t = this.i18n.of(SHELL_TEXT);
  protected readonly roles = this.i18n.of(ROLE_TEXT);
  protected readonly inbox = inject(StandingInbox);
  protected readonly fill = fill;

  protected readonly nav = computed<NavItem[]>(() => {
    switch (this.session.role()) {
      case 'expert': case 'analyst':
        return [{ path: '/search', label: 'search' }, { path: '/photo', label: 'photo' }, { path: '/searches', label: 'searches' }, { path: '/lists', label: 'lists' }, { path: '/exports', label: 'exports' }];
      case 'supervisor':
        return [{ path: '/monitor', label: 'monitor' }, { path: '/search', label: 'search' }, { path: '/lists', label: 'lists' }, { path: '/exports', label: 'exports' }, { path: '/reference', label: 'reference' }];
      case 'admin': return [{ path: '/admin', label: 'admin' }];
      case 'auditor': return [{ path: '/audit', label: 'audit' }, { path: '/oversight', label: 'oversight' }];
      default: return [];
    }
  });

  constructor() {
    // The badge is asked again on every page the user opens: hits arrive when a crawl run closes.
    inject(Router).events.pipe(filter((e) => e instanceof NavigationEnd), takeUntilDestroyed()).subscribe(() => this.inbox.refresh());
  }

  protected async signOut(): Promise<void> {
    await this.session.signOut();
  }
}
