import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../app/router';
import { createHttpClient } from '../shared/api/http-client';
import { setCsrfToken } from '../shared/api/auth-hooks';
import { errorResponse, jsonResponse, stubFetch } from '../test-support/fake-fetch';
import LoginPage from './LoginPage.vue';

afterEach(() => {
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const signedIn = {
  authenticated: true,
  setupRequired: false,
  user: { id: 'u1', username: 'alice', role: 'manager' },
  via: 'session',
  csrfToken: 'csrf-from-login',
  expiresAt: '2030-01-01T00:00:00.000Z',
};

async function mountLogin(next = '/tasks') {
  const router = createAppRouter(createMemoryHistory());
  await router.push(`/login?next=${encodeURIComponent(next)}`);
  const wrapper = mount(LoginPage, { global: { plugins: [createPinia(), router] } });
  return { wrapper, router };
}

describe('Login page', () => {
  it('signs in, keeps the CSRF token for later changes, and goes where the user was headed', async () => {
    const fetch = stubFetch((url) => (url === '/api/auth/login' ? jsonResponse(signedIn) : jsonResponse({ ok: true })));
    const { wrapper, router } = await mountLogin('/tasks/7');
    await wrapper.get('[data-test="login-username"]').setValue('alice');
    await wrapper.get('[data-test="login-password"]').setValue('correct horse battery');
    await wrapper.get('[data-test="login-form"]').trigger('submit');
    await flushPromises();
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/auth/login');
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'alice', password: 'correct horse battery' });
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/tasks/7'), { timeout: 10_000 });
    await createHttpClient().request('/api/tasks', { method: 'POST', body: {} });
    expect((fetch.mock.calls[1]?.[1]?.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-from-login');
  });

  it('shows the server\'s error for wrong credentials and stays', async () => {
    stubFetch(() => errorResponse(401, 'AUTH_LOGIN_FAILED', 'Wrong username or password'));
    const { wrapper, router } = await mountLogin();
    await wrapper.get('[data-test="login-username"]').setValue('alice');
    await wrapper.get('[data-test="login-password"]').setValue('nope');
    await wrapper.get('[data-test="login-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-test="login-error"]').text()).toContain('Wrong username or password');
    expect(router.currentRoute.value.name).toBe('login');
  });
});
