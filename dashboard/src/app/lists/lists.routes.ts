import type { Routes } from '@angular/router';
import { ListsPage } from './lists-page';

export const listsRoutes: Routes = [{ path: '', component: ListsPage }, { path: ':id', component: ListsPage }];
