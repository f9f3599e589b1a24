import { inject } from '@angular/core';
import { type CanActivateFn, Router, type Routes } from '@angular/router';
import { justified, roles, signedIn } from './core/guards';
import { homeOf } from './core/home';
import { Session } from './core/session';
import { Shell } from './shell/shell';

const home: CanActivateFn = async () => {
  const router = inject(Router);
  const view = await inject(Session).load();
  return router.parseUrl(view ? homeOf(view.user.role) : '/sign-in');
};

const readers = roles('expert', 'analyst', 'supervisor');

export const routes: Routes = [
  { path: 'sign-in', title: 'Baken', loadComponent: () => import('./sign-in/sign-in').then((m) => m.SignIn) },
  {
    path: '', component: Shell, canActivate: [signedIn],
    children: [
      { path: '', pathMatch: 'full', canActivate: [home], children: [] },
      { path: 'why', loadComponent: () => import('./why/why').then((m) => m.Why) },
      { path: 'search', canActivate: [readers, justified], loadComponent: () => import('./search/search-page').then((m) => m.SearchPage) },
      { path: 'photo', canActivate: [readers, justified], loadComponent: () => import('./photo/photo-search-page').then((m) => m.PhotoSearchPage) },
      { path: 'ads/:id', canActivate: [readers, justified], loadComponent: () => import('./ad/ad-page').then((m) => m.AdPage) },
      { path: 'ads/:id/network', canActivate: [roles('expert', 'analyst'), justified], loadComponent: () => import('./network/network-page').then((m) => m.NetworkPage) },
      { path: 'entities/:kind/:value', canActivate: [readers, justified], loadComponent: () => import('./entity/entity-page').then((m) => m.EntityPage) },
      { path: 'searches', canActivate: [roles('expert', 'analyst'), justified], loadComponent: () => import('./searches/searches-page').then((m) => m.SearchesPage) },
      { path: 'lists', canActivate: [readers, justified], loadChildren: () => import('./lists/lists.routes').then((m) => m.listsRoutes) },
      { path: 'monitor', canActivate: [roles('supervisor')], loadChildren: () => import('./monitor/monitor.routes').then((m) => m.monitorRoutes) },
      { path: 'inspections/:code', canActivate: [roles('supervisor'), justified], loadComponent: () => import('./monitor/inspections-page').then((m) => m.InspectionsPage) },
      { path: 'exports', canActivate: [readers], loadComponent: () => import('./exports/exports-page').then((m) => m.ExportsPage) },
      { path: 'reference', canActivate: [roles('supervisor')], loadComponent: () => import('./admin/reference-data').then((m) => m.ReferenceData) },
      { path: 'admin', canActivate: [roles('admin')], loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes) },
      { path: 'audit', canActivate: [roles('auditor')], loadChildren: () => import('./audit/audit.routes').then((m) => m.auditRoutes) },
      { path: 'oversight', canActivate: [roles('auditor')], loadComponent: () => import('./oversight/oversight-page').then((m) => m.OversightPage) },
    ],
  },
  { path: '**', redirectTo: '' },
];
