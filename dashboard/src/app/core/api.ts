// The one way the dashboard calls the API: same origin, JSON in and out, problems as ApiError.
import { HttpClient, HttpErrorResponse, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';
import type { Problem } from './api-types';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
  get status(): number { return this.problem.status; }
  get code(): string { return this.problem.code; }
}

/** What went wrong, in the API's words where it gave them. */
export function detailOf(e: unknown): string {
  return e instanceof ApiError ? e.problem.detail || e.code : String(e);
}

type Params = HttpParams | Record<string, string | number | boolean | readonly (string | number | boolean)[]>;

@Injectable({ providedIn: 'root' })
export class Api {
  readonly #http = inject(HttpClient);

  get<T>(path: string, params?: Params): Promise<T> {
    return call(this.#http.get<T>(`/api${path}`, params ? { params } : {}));
  }
  post<T>(path: string, body: unknown): Promise<T> {
    return call(this.#http.post<T>(`/api${path}`, body));
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return call(this.#http.put<T>(`/api${path}`, body));
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return call(this.#http.patch<T>(`/api${path}`, body));
  }
  delete(path: string): Promise<void> {
    return call(this.#http.delete<void>(`/api${path}`));
  }
  /** A file as the raw request body (reference data); the server tells CSV from Excel by its content. */
  upload<T>(path: string, file: Blob, params: Record<string, string>): Promise<T> {
    return call(this.#http.post<T>(`/api${path}`, file, { params, headers: { 'content-type': 'application/octet-stream' } }));
  }
  /** Bytes (a screenshot) as a blob for an object URL. */
  blob(path: string): Promise<Blob> {
    return call(this.#http.get(`/api${path}`, { responseType: 'blob' }));
  }
  /** A download (an export) with the file name the server gives it. */
  async file(path: string): Promise<{ blob: Blob; name: string }> {
    const res = await call(this.#http.get(`/api${path}`, { responseType: 'blob', observe: 'response' }));
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
    return { blob: res.body ?? new Blob(), name };
  }
}

async function call<T>(request: Observable<T>): Promise<T> {
  try {
    return await firstValueFrom(request);
  } catch (e) {
    throw toApiError(e);
  }
}

function toApiError(e: unknown): ApiError {
  if (e instanceof HttpErrorResponse) {
    const body = e.error as Partial<Problem> | null;
    if (body && typeof body === 'object' && typeof body.code === 'string') {
      return new ApiError({ status: e.status, code: body.code, detail: body.detail ?? '', ...(body.errors ? { errors: body.errors } : {}), ...(body.rows ? { rows: body.rows } : {}) });
    }
    return new ApiError({ status: e.status, code: e.status === 0 ? 'OFFLINE' : 'HTTP_' + e.status, detail: e.message });
  }
  return new ApiError({ status: 0, code: 'CLIENT', detail: String(e) });
}
