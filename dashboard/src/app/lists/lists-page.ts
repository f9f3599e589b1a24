import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'bk-lists-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Controlelijsten</h1>',
})
export class ListsPage {}
