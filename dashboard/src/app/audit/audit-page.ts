import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'bk-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Audittrail</h1>',
})
export class AuditPage {}
