import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'bk-ad-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Advertentie</h1>',
})
export class AdPage {}
