import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'bk-network-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Netwerk</h1>',
})
export class NetworkPage {}
