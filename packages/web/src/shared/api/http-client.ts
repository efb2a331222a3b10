/**
 * Typed fetch wrapper for the dashboard API. Same-origin paths only (the server serves the SPA;
 * in development Vite proxies them). Every failure surfaces as an `ApiError`: the server's
 * error body when there is one, a client code (`NETWORK_ERROR`, `TIMEOUT`, `BAD_RESPONSE`)
 * otherwise. A caller's own abort is not a failure and rethrows the original `AbortError`.
 *
 * Authentication: the browser sends the httpOnly session cookie by itself; state-changing
 * requests add the CSRF token (auth-hooks.ts), and a 401 that means "signed out" tells the app
 * (which goes to the sign-in page) before it is thrown like any other error.
 */
import { ApiError } from './api-error';
import { SIGN_IN_AGAIN_CODES, csrfHeaders, notifyUnauthorized } from './auth-hooks';
import { readErrorBody } from './error-body';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /** @default the client's `timeoutMs` */
  timeoutMs?: number;
  /**
   * Non-2xx statuses whose body is still the success payload, e.g. `/health` answers 503 with a
   * full report when the server is down.
   */
  acceptStatuses?: readonly number[];
  /** Validates and narrows the JSON payload; a throw becomes `BAD_RESPONSE`. */
  parse?: (data: unknown) => T;
}

export interface HttpClientOptions {
  /** Prefix for every path. @default '' (same origin) */
  baseUrl?: string;
  /** @default 10_000 ms */
  timeoutMs?: number;
}

export interface HttpClient {
  request<T>(path: string, options?: RequestOptions<T>): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions<T>, 'method' | 'body'>): Promise<T>;
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const baseUrl = options.baseUrl ?? '';
  const defaultTimeoutMs = options.timeoutMs ?? 10_000;

  async function request<T>(path: string, opts: RequestOptions<T> = {}): Promise<T> {
    // One controller aborts on either the caller's signal or our timeout; the flag tells them apart.
    // The timeout covers reading the body too, not just the headers.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, opts.timeoutMs ?? defaultTimeoutMs);
    const forwardAbort = (): void => controller.abort();
    if (opts.signal?.aborted) controller.abort();
    opts.signal?.addEventListener('abort', forwardAbort, { once: true });
    const failure = (cause: unknown): unknown =>
      opts.signal?.aborted ? cause : ApiError.client(timedOut ? 'TIMEOUT' : 'NETWORK_ERROR', { cause });

    try {
      const method = opts.method ?? 'GET';
      const headers: Record<string, string> = { accept: 'application/json', ...(method === 'GET' ? {} : csrfHeaders()), ...opts.headers };
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      let text: string;
      try {
        // Read `fetch` at call time: tests and polyfills may replace it after import.
        response = await globalThis.fetch(baseUrl + path + toQueryString(opts.query), {
          method,
          headers,
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          signal: controller.signal,
        });
        text = await response.text();
      } catch (cause) {
        throw failure(cause);
      }
      return decode(response, text, opts);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  return {
    request,
    get: (path, opts) => request(path, { ...opts, method: 'GET' }),
  };
}

type Payload = { kind: 'json'; value: unknown } | { kind: 'invalid' };

function parseJson(text: string): Payload {
  if (text === '') return { kind: 'json', value: undefined };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid' };
  }
}

function decode<T>(response: Response, text: string, opts: RequestOptions<T>): T {
  const requestId = response.headers.get('x-request-id');
  const payload = parseJson(text);
  if (!response.ok) {
    // An accepted status still fails when the body is the server's error shape (a 503 can be
    // either a health report or `SERVER_STARTING`).
    const serverError = toServerError(response.status, payload, requestId);
    if (serverError?.status === 401 && SIGN_IN_AGAIN_CODES.has(serverError.code)) notifyUnauthorized();
    if (serverError) throw serverError;
    if (!opts.acceptStatuses?.includes(response.status)) {
      throw ApiError.client('BAD_RESPONSE', { status: response.status, requestId });
    }
  }
  if (payload.kind === 'invalid') throw ApiError.client('BAD_RESPONSE', { status: response.status, requestId });
  if (!opts.parse) return payload.value as T;
  try {
    return opts.parse(payload.value);
  } catch (cause) {
    throw ApiError.client('BAD_RESPONSE', { status: response.status, requestId, cause });
  }
}

function toServerError(status: number, payload: Payload, headerRequestId: string | null): ApiError | null {
  const body = payload.kind === 'json' ? readErrorBody(payload.value) : null;
  if (!body) return null;
  const { code, message, requestId, fields, details } = body.error;
  return new ApiError({ code, message, status, requestId: requestId || headerRequestId, fields, details });
}

function toQueryString(query: RequestOptions<unknown>['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}

/** The app-wide client. */
export const http = createHttpClient();

export { ApiError } from './api-error';
