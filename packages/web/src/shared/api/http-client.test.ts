import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  errorResponse,
  hangingFetch,
  jsonResponse,
  makeHealthReport,
  networkFailure,
  stubFetch,
} from '../../test-support/fake-fetch';
import { ApiError } from './api-error';
import { createHttpClient } from './http-client';

const makeClient = (overrides: Parameters<typeof createHttpClient>[0] = {}) => createHttpClient(overrides);

async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('http client', () => {
  it('returns the JSON payload and sends the query string and JSON headers', async () => {
    const fetch = stubFetch(() => jsonResponse({ items: [1, 2] }));
    const sut = makeClient({ baseUrl: 'http://api.test' });

    const result = await sut.get<{ items: number[] }>('/api/tasks', { query: { limit: 2, status: 'open', skip: undefined } });

    expect(result).toEqual({ items: [1, 2] });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('http://api.test/api/tasks?limit=2&status=open');
    expect(init?.method).toBe('GET');
    expect(init?.headers).toMatchObject({ accept: 'application/json' });
  });

  it('sends a body as JSON', async () => {
    const fetch = stubFetch(() => jsonResponse({ id: 't1' }, 201));
    const sut = makeClient();

    await sut.request('/api/tasks', { method: 'POST', body: { title: 'Ship it' } });

    const init = fetch.mock.calls[0]?.[1];
    expect(init?.body).toBe('{"title":"Ship it"}');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('turns the server error body into an ApiError with code, message, requestId and fields', async () => {
    stubFetch(() =>
      errorResponse(400, 'VALIDATION_FAILED', 'The request is invalid', {
        requestId: 'req-42',
        fields: [{ path: 'body.title', message: 'Required' }],
      }),
    );
    const sut = makeClient();

    const error = await captureError(sut.request('/api/tasks', { method: 'POST', body: {} }));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The request is invalid',
      status: 400,
      requestId: 'req-42',
      fields: [{ path: 'body.title', message: 'Required' }],
      unreachable: false,
    });
  });

  it('falls back to the x-request-id header when the body has no request id', async () => {
    stubFetch(() => jsonResponse({ error: { code: 'NOT_FOUND', message: 'Not found' } }, 404, { 'x-request-id': 'hdr-7' }));

    const error = await captureError(makeClient().get('/api/tasks/nope'));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, requestId: 'hdr-7' });
  });

  it('reports a network failure as NETWORK_ERROR with status 0', async () => {
    stubFetch(networkFailure);

    const error = await captureError(makeClient().get('/health'));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0, requestId: null, unreachable: true });
    expect((error as ApiError).cause).toBeInstanceOf(TypeError);
  });

  it('reports a non-JSON gateway error as an unreachable BAD_RESPONSE', async () => {
    stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));

    const error = await captureError(makeClient().get('/health'));

    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 502, unreachable: true });
  });

  it('reports malformed JSON in a 200 as BAD_RESPONSE without calling the server unreachable', async () => {
    stubFetch(() => new Response('{not json', { status: 200 }));

    const error = await captureError(makeClient().get('/api/tasks'));

    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 200, unreachable: false });
  });

  it('times out a request that gets no answer', async () => {
    vi.useFakeTimers();
    stubFetch(hangingFetch);
    const pending = captureError(makeClient({ timeoutMs: 1000 }).get('/health'));

    await vi.advanceTimersByTimeAsync(1000);

    expect(await pending).toMatchObject({ code: 'TIMEOUT', status: 0, unreachable: true });
  });

  it("rethrows the caller's own abort untouched", async () => {
    stubFetch(hangingFetch);
    const controller = new AbortController();
    const pending = captureError(makeClient().get('/health', { signal: controller.signal }));

    controller.abort();

    const error = await pending;
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('returns an accepted non-2xx payload, such as /health answering 503 with a report', async () => {
    const report = makeHealthReport({ status: 'down' });
    stubFetch(() => jsonResponse(report, 503));

    const result = await makeClient().get('/health', { acceptStatuses: [503] });

    expect(result).toEqual(report);
  });

  it('still fails an accepted status whose body is an error body', async () => {
    stubFetch(() => errorResponse(503, 'SERVER_STARTING', 'The server is starting'));

    const error = await captureError(makeClient().get('/health', { acceptStatuses: [503] }));

    expect(error).toMatchObject({ code: 'SERVER_STARTING', status: 503, unreachable: false });
  });

  it('reports a payload the parser rejects as BAD_RESPONSE', async () => {
    stubFetch(() => jsonResponse({ unexpected: true }));
    const parse = (data: unknown): { ok: true } => {
      if (typeof data === 'object' && data !== null && 'ok' in data) return { ok: true };
      throw new TypeError('wrong shape');
    };

    const error = await captureError(makeClient().get('/api/thing', { parse }));

    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });
});
