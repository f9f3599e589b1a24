// Routes a signed-out user cannot enter, and routes for some roles only.
import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Role } from './api-types';
import { Session } from './session';

export const signedIn: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  return (await session.load()) ? true : router.createUrlTree(['/sign-in'], { queryParams: { next: state.url } });
};

export function roles(...allowed: Role[]): CanActivateFn {
  return async () => {
    const session = inject(Session);
    const router = inject(Router);
    const view = await session.load();
    return view && allowed.includes(view.user.role) ? true : router.createUrlTree(['/']);
  };
}

/** Ad content is read for a reason: the session's justification is asked once, before the first read. */
export const justified: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  await session.load();
  return session.justification() ? true : router.createUrlTree(['/why'], { queryParams: { next: state.url } });
};
