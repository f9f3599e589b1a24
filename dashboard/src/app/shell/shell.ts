// The frame around every page: skip link, navigation for the user's role, language, sign-out.
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { I18n } from '../core/i18n';
import { LangSwitch } from '../core/lang-switch';
import { Session } from '../core/session';
import { ROLE_TEXT } from '../core/role.text';
import { SHELL_TEXT } from './shell.text';

interface NavItem { path: string; label: 'monitor' | 'search' | 'photo' | 'lists' | 'exports' | 'admin' | 'audit' | 'oversight' | 'reference' }

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
            <li><a [routerLink]="item.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t()[item.label] }}</a></li>
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

  protected readonly nav = computed<NavItem[]>(() => {
    switch (this.session.role()) {
      case 'expert': case 'analyst':
        return [{ path: '/search', label: 'search' }, { path: '/photo', label: 'photo' }, { path: '/lists', label: 'lists' }, { path: '/exports', label: 'exports' }];
      case 'supervisor':
        return [{ path: '/monitor', label: 'monitor' }, { path: '/search', label: 'search' }, { path: '/lists', label: 'lists' }, { path: '/exports', label: 'exports' }, { path: '/reference', label: 'reference' }];
      case 'admin': return [{ path: '/admin', label: 'admin' }];
      case 'auditor': return [{ path: '/audit', label: 'audit' }, { path: '/oversight', label: 'oversight' }];
      default: return [];
    }
  });

  protected async signOut(): Promise<void> {
    await this.session.signOut();
  }
}
