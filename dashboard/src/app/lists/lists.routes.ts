import type { Routes } from '@angular/router';
import { ListPage } from './list-page';
import { ListsPage } from './lists-page';

export const listsRoutes: Routes = [
  { path: '', component: ListsPage },
  { path: ':id', component: ListPage },
];
