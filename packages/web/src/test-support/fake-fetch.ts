/**
 * Test doubles for the network boundary (`globalThis.fetch`) and factories for payloads.
 * Only the browser's fetch is faked; our own modules always run for real.
 */
import type { DependencyHealth, HealthResponse } from '@dash/shared';
import { vi } from 'vitest';

export type FetchHandler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** Replaces `fetch` for the current test; restore with `vi.unstubAllGlobals()`. */
export function stubFetch(handler: FetchHandler) {
  const fake = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) =>
    Promise.resolve().then(() => handler(String(input), init)),
  );
  vi.stubGlobal('fetch', fake);
  return fake;
}

/** Answers every call from `responses` in order, repeating the last one. */
export function stubFetchSequence(...responses: Array<() => Response | Promise<Response>>) {
  let call = 0;
  return stubFetch(() => {
    const next = responses[Math.min(call, responses.length - 1)];
    call += 1;
    if (!next) throw new Error('stubFetchSequence needs at least one response');
    return next();
  });
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function errorResponse(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return jsonResponse({ error: { code, message, requestId: 'req-test-1', ...extra } }, status);
}

/** What the browser's fetch does when the server is down: reject with a TypeError. */
export function networkFailure(): never {
  throw new TypeError('Failed to fetch');
}

/** A fetch that never answers until its signal aborts, like a hung server. */
export function hangingFetch(_url: string, init: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    // Like the real fetch: an already-aborted signal rejects at once.
    if (init.signal?.aborted) abort();
    init.signal?.addEventListener('abort', abort);
  });
}

export function makeDependency(overrides: Partial<DependencyHealth> = {}): DependencyHealth {
  return { name: 'store', kind: 'sqlite', required: true, status: 'up', latencyMs: 2, detail: null, ...overrides };
}

export function makeHealthReport(overrides: Partial<HealthResponse> = {}): HealthResponse {
  return {
    status: 'ok',
    nodeId: 'node-a',
    uptimeSeconds: 3725,
    checkedAt: '2025-01-01T00:00:00.000Z',
    dependencies: [
      makeDependency(),
      makeDependency({ name: 'queue', kind: 'embedded', latencyMs: 1 }),
      makeDependency({ name: 'memory-api', kind: 'http', required: false, status: 'not_configured', latencyMs: null }),
    ],
    ...overrides,
  };
}
