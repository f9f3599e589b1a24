import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'bk-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Beheer</h1>',
})
export class AdminPage {}
