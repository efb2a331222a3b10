import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, RouterView } from 'vue-router';
import { errorResponse, stubFetch } from '../test-support/fake-fetch';
import { APP_NAME, createAppRouter } from './router';

// Pages load their data; a server that knows nothing is enough to render them.
beforeEach(() => {
  stubFetch(() => errorResponse(404, 'NOT_FOUND', 'Not found'));
});
afterEach(() => vi.unstubAllGlobals());

async function renderAt(path: string) {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  const wrapper = mount(RouterView, { global: { plugins: [router, createPinia()] } });
  await flushPromises();
  return { router, wrapper };
}

describe('router', () => {
  it.each([
    ['/', 'overview'],
    ['/tasks', 'tasks'],
    ['/tasks/t-1', 'task'],
    ['/runs/r-1', 'run'],
    ['/employees', 'employees'],
    ['/employees/e-1', 'employee'],
    ['/workflows', 'workflows'],
    ['/memory', 'memory'],
    ['/system', 'system'],
  ])('resolves %s to the %s page', (path, name) => {
    const router = createAppRouter(createMemoryHistory());
    expect(router.resolve(path).name).toBe(name);
  });

  it('passes the id to detail pages', async () => {
    const { wrapper } = await renderAt('/tasks/task-123');
    await vi.waitFor(() => expect(wrapper.text()).toContain('ID task-123'));
  });

  it.each(['/nope', '/tasks/1/extra/deep', '/api-docs'])('falls back to not-found for %s', async (path) => {
    const { router, wrapper } = await renderAt(path);

    expect(router.currentRoute.value.name).toBe('not-found');
    expect(wrapper.find('[data-test="not-found"]').exists()).toBe(true);
    expect(wrapper.text()).toContain(path);
    expect(document.title).toBe(`Page not found · ${APP_NAME}`);
  });

  it('titles the document after the page', async () => {
    await renderAt('/workflows');
    expect(document.title).toBe(`Workflows · ${APP_NAME}`);
  });
});
