import type { Routes } from '@angular/router';
import { MonitorPage } from './monitor-page';
import { MunicipalityPage } from './municipality-page';

export const monitorRoutes: Routes = [
  { path: '', component: MonitorPage },
  { path: ':code', component: MunicipalityPage },
];
