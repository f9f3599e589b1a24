// Administration: one page, a part per tab (users, tokens, configuration, jobs, source health), each a lazy child route.
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { I18n } from '../core/i18n';
import { ADMIN_TEXT } from './admin.text';

const PARTS = [
  { label: 'users', path: '/admin' }, { label: 'tokens', path: '/admin/tokens' }, { label: 'sources', path: '/admin/sources' },
  { label: 'profiles', path: '/admin/profiles' }, { label: 'schedules', path: '/admin/schedules' }, { label: 'jobs', path: '/admin/jobs' },
  { label: 'sourceHealth', path: '/admin/health' }, { label: 'reference', path: '/admin/reference' },
] as const;
const EXACT = { exact: true };

@Component({
  selector: 'bk-admin-page',
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().title }}</h1>
    <nav class="tabs" [attr.aria-label]="t().sections">
      <ul>
        @for (part of parts; track part.path) {
          <li><a [routerLink]="part.path" routerLinkActive="active" [routerLinkActiveOptions]="exact" ariaCurrentWhenActive="page">{{ t()[part.label] }}</a></li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
})
export class AdminPage {
  protected readonly t = inject(I18n).of(ADMIN_TEXT);
  protected readonly parts = PARTS;
  protected readonly exact = EXACT;
}
