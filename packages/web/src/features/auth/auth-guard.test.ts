import type { AuthSession } from '@dash/shared';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../../app/router';
import { notifyUnauthorized } from '../../shared/api/auth-hooks';
import { jsonResponse, stubFetch } from '../../test-support/fake-fetch';
import { installAuthGuard, safeNext } from './auth-guard';

const session = (over: Partial<AuthSession>): AuthSession => ({
  authenticated: false,
  setupRequired: false,
  user: null,
  via: null,
  csrfToken: null,
  expiresAt: null,
  ...over,
});
const signedIn = (role: 'viewer' | 'manager' | 'admin') =>
  session({ authenticated: true, user: { id: 'u1', username: 'alice', role }, via: 'session', csrfToken: 'c', expiresAt: '2030-01-01T00:00:00.000Z' });

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  vi.unstubAllGlobals();
});

async function routerWith(current: AuthSession) {
  stubFetch((url) => (url === '/api/auth/session' ? jsonResponse(current) : jsonResponse({})));
  const router = createAppRouter(createMemoryHistory());
  stop = installAuthGuard(router, createPinia());
  return router;
}

describe('auth guard', () => {
  it('sends everyone to first-run setup while no admin exists', async () => {
    const router = await routerWith(session({ setupRequired: true }));
    await router.push('/tasks');
    expect(router.currentRoute.value.name).toBe('setup');
  });

  it('sends a signed-out visitor to sign-in, remembering where they were going', async () => {
    const router = await routerWith(session({}));
    await router.push('/tasks/42');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.next).toBe('/tasks/42');
  });

  it('lets a viewer in, but not onto admin pages', async () => {
    const router = await routerWith(signedIn('viewer'));
    await router.push('/tasks');
    expect(router.currentRoute.value.name).toBe('tasks');
    await router.push('/admin/users');
    expect(router.currentRoute.value.name).toBe('forbidden');
  });

  it('lets an admin onto admin pages, and leaves sign-in for where they were going', async () => {
    const router = await routerWith(signedIn('admin'));
    await router.push('/admin/audit');
    expect(router.currentRoute.value.name).toBe('admin-audit');
    await router.push('/login?next=/tasks');
    expect(router.currentRoute.value.path).toBe('/tasks');
  });

  it('goes to sign-in when the server says the session is gone', async () => {
    const router = await routerWith(signedIn('manager'));
    await router.push('/employees');
    stubFetch((url) => (url === '/api/auth/session' ? jsonResponse(session({})) : jsonResponse({})));
    notifyUnauthorized();
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'), { timeout: 10_000 });
    expect(router.currentRoute.value.query.next).toBe('/employees');
  });

  it('only follows same-app `next` paths', () => {
    expect(safeNext('/tasks?x=1')).toBe('/tasks?x=1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });
});
