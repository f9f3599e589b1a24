import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'bk-search-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Zoeken</h1>',
})
export class SearchPage {}
