import type { Routes } from '@angular/router';
import { AdminPage } from './admin-page';

export const adminRoutes: Routes = [{
  path: '', component: AdminPage,
  children: [
    // Users are the start page of administration: /admin, where every admin lands.
    { path: '', pathMatch: 'full', loadComponent: () => import('./users').then((m) => m.Users) },
    { path: 'tokens', loadComponent: () => import('./tokens').then((m) => m.Tokens) },
    { path: 'sources', data: { kind: 'sources' }, loadComponent: () => import('./config-editor').then((m) => m.ConfigEditor) },
    { path: 'profiles', data: { kind: 'profiles' }, loadComponent: () => import('./config-editor').then((m) => m.ConfigEditor) },
    { path: 'schedules', data: { kind: 'schedules' }, loadComponent: () => import('./config-editor').then((m) => m.ConfigEditor) },
    { path: 'jobs', loadComponent: () => import('./jobs').then((m) => m.Jobs) },
    { path: 'health', loadComponent: () => import('./source-health').then((m) => m.SourceHealth) },
    { path: 'reference', data: { inAdmin: true }, loadComponent: () => import('./reference-data').then((m) => m.ReferenceData) },
  ],
}];
