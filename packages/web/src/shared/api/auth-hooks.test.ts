import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, stubFetch } from '../../test-support/fake-fetch';
import { onUnauthorized, setCsrfToken } from './auth-hooks';
import { createHttpClient } from './http-client';

afterEach(() => {
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('HTTP client and the session', () => {
  it('sends the CSRF token on state-changing requests only', async () => {
    const fetch = stubFetch(() => jsonResponse({ ok: true }));
    setCsrfToken('csrf-123');
    const client = createHttpClient();
    await client.get('/api/tasks');
    await client.request('/api/tasks', { method: 'POST', body: { title: 'x' } });
    await client.request('/api/tasks/1', { method: 'DELETE' });
    const headers = fetch.mock.calls.map(([, init]) => (init?.headers ?? {}) as Record<string, string>);
    expect(headers[0]?.['x-csrf-token']).toBeUndefined();
    expect(headers[1]?.['x-csrf-token']).toBe('csrf-123');
    expect(headers[2]?.['x-csrf-token']).toBe('csrf-123');
  });

  it('tells the app to sign in again on a 401 that means "signed out", not on a wrong password', async () => {
    const seen: string[] = [];
    const stop = onUnauthorized(() => seen.push('signed out'));
    const client = createHttpClient();
    stubFetch(() => errorResponse(401, 'AUTH_CREDENTIALS_INVALID', 'revoked'));
    await expect(client.get('/api/tasks')).rejects.toMatchObject({ code: 'AUTH_CREDENTIALS_INVALID', status: 401 });
    stubFetch(() => errorResponse(401, 'AUTH_LOGIN_FAILED', 'Wrong username or password'));
    await expect(client.request('/api/auth/login', { method: 'POST', body: {} })).rejects.toMatchObject({ code: 'AUTH_LOGIN_FAILED' });
    stubFetch(() => errorResponse(403, 'FORBIDDEN', 'needs admin'));
    await expect(client.get('/api/users')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    stop();
    expect(seen).toEqual(['signed out']);
  });
});
