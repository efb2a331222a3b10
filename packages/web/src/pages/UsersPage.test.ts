import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../test-support/fake-fetch';
import UsersPage from './UsersPage.vue';

afterEach(() => vi.unstubAllGlobals());

const alice = {
  id: 'u1',
  username: 'alice',
  role: 'admin',
  disabled: false,
  hasPassword: true,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  lastLoginAt: null,
};
const token = (over: Record<string, unknown> = {}) => ({
  id: 't1',
  name: 'ci-bot',
  prefix: 'dat_abcdef',
  role: 'viewer',
  userId: 'u1',
  username: 'alice',
  createdAt: '2025-01-01T00:00:00.000Z',
  expiresAt: '2025-04-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  ...over,
});

function server() {
  const tokens: ReturnType<typeof token>[] = [];
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  const fetch = stubFetch((url, init) => {
    const method = init.method ?? 'GET';
    calls.push({ method, url, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    if (url === '/api/users') return jsonResponse(method === 'GET' ? { items: [alice] } : { ...alice, id: 'u2', username: 'bob', role: 'viewer' }, method === 'GET' ? 200 : 201);
    if (url === '/api/tokens' && method === 'GET') return jsonResponse({ items: tokens });
    if (url === '/api/tokens') {
      tokens.push(token());
      return jsonResponse({ token: 'dat_the-secret-value', apiToken: token() }, 201);
    }
    if (url === '/api/tokens/t1') {
      tokens[0] = token({ revokedAt: '2025-01-02T00:00:00.000Z' });
      return jsonResponse(tokens[0]);
    }
    if (url === '/api/sessions') return jsonResponse({ items: [] });
    return jsonResponse({});
  });
  return { fetch, calls };
}

describe('Users and tokens page', () => {
  it('creates a token and shows its value once, then lists it by prefix only; revokes it', async () => {
    const { calls } = server();
    const wrapper = mount(UsersPage, { global: { plugins: [createPinia()] } });
    await flushPromises();
    expect(wrapper.get('[data-test="user-alice"]').text()).toContain('alice');

    await wrapper.get('[data-test="token-name"]').setValue('ci-bot');
    await wrapper.get('[data-test="token-role"]').setValue('viewer');
    await wrapper.get('[data-test="create-token"]').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/tokens')?.body).toEqual({ name: 'ci-bot', role: 'viewer', expiresInDays: 90 });
    expect(wrapper.get('[data-test="created-token-value"]').text()).toBe('dat_the-secret-value');
    expect(wrapper.get('[data-test="token-ci-bot"]').text()).toContain('dat_abcdef…');
    expect(wrapper.get('[data-test="token-ci-bot"]').text()).not.toContain('the-secret-value');

    await wrapper.get('[data-test="created-token"] button').trigger('click');
    expect(wrapper.find('[data-test="created-token"]').exists()).toBe(false);

    await wrapper.get('[data-test="revoke-ci-bot"]').trigger('click');
    await flushPromises();
    expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/tokens/t1')).toBe(true);
    expect(wrapper.get('[data-test="token-ci-bot"]').text()).toContain('revoked');
  });

  it('creates a user with a role, and changes a role', async () => {
    const { calls } = server();
    const wrapper = mount(UsersPage, { global: { plugins: [createPinia()] } });
    await flushPromises();
    await wrapper.get('[data-test="new-username"]').setValue('bob');
    await wrapper.get('[data-test="new-password"]').setValue('a long enough password');
    await wrapper.get('[data-test="new-role"]').setValue('manager');
    await wrapper.get('[data-test="create-user"]').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/users')?.body).toEqual({ username: 'bob', password: 'a long enough password', role: 'manager' });
    await wrapper.get('[data-test="role-alice"]').setValue('viewer');
    await flushPromises();
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ url: '/api/users/u1', body: { role: 'viewer' } });
  });
});
