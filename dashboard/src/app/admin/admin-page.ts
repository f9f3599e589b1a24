// Administration: one page, a part per tab (users, tokens, configuration, jobs), each a lazy child route.
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { I18n } from '../core/i18n';
import { ADMIN_TEXT } from './admin.text';

const PARTS = ['users', 'tokens', 'sources', 'profiles', 'schedules', 'jobs'] as const;

@Component({
  selector: 'bk-admin-page',
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().title }}</h1>
    <nav class="tabs" [attr.aria-label]="t().sections">
      <ul>
        @for (part of parts; track part) {
          <li><a [routerLink]="part" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t()[part] }}</a></li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
})
export class AdminPage {
  protected readonly t = inject(I18n).of(ADMIN_TEXT);
  protected readonly parts = PARTS;
}
