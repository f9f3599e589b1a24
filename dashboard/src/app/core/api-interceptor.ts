// The CSRF token on every state-changing call, and a session the server ended sends the user back
// to sign-in (then to where they were).
import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { Session } from './session';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(Session);
  const token = session.csrfToken();
  const sent = !SAFE.has(request.method) && token ? request.clone({ setHeaders: { 'x-csrf-token': token } }) : request;
  return next(sent).pipe(catchError((e: unknown) => {
    const signingIn = request.url === '/api/session';
    if (e instanceof HttpErrorResponse && e.status === 401 && !signingIn) void session.ended();
    return throwError(() => e);
  }));
};
