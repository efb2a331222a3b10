import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, type Router } from 'vue-router';
import { jsonResponse, makeHealthReport, networkFailure, stubFetch } from '../../test-support/fake-fetch';
import { createAppRouter } from '../router';
import AppShell from './AppShell.vue';

let wrapper: VueWrapper | null = null;

async function mountShell(path = '/'): Promise<{ sut: VueWrapper; router: Router }> {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  wrapper = mount(AppShell, { global: { plugins: [createPinia(), router] }, attachTo: document.body });
  await flushPromises();
  return { sut: wrapper, router };
}

function press(...keys: string[]): void {
  for (const key of keys) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
}

beforeEach(() => {
  stubFetch(() => jsonResponse(makeHealthReport()));
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe('AppShell', () => {
  it('has the landmarks and a skip link to the main content', async () => {
    const { sut } = await mountShell();

    expect(sut.find('header').exists()).toBe(true);
    expect(sut.find('nav[aria-label="Primary"]').exists()).toBe(true);
    expect(sut.find('main#main').exists()).toBe(true);
    expect(sut.get('a.skip-link').attributes('href')).toBe('#main');
  });

  it('marks the current section, including its detail pages', async () => {
    const { sut } = await mountShell('/tasks/t-9');

    const current = sut.findAll('[aria-current="page"]');
    expect(current).toHaveLength(1);
    expect(current[0]?.text()).toContain('Tasks');
  });

  it('navigates with g-shortcuts', async () => {
    const { router } = await mountShell('/');

    // Pages are lazy-loaded: the navigation settles once the page module has loaded.
    press('g', 't');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/tasks'), { timeout: 10_000 });

    press('g', 's');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/system'), { timeout: 10_000 });
  });

  it('ignores shortcuts typed into a text field', async () => {
    const { router } = await mountShell('/');
    const input = document.createElement('input');
    document.body.append(input);

    for (const key of ['g', 'e']) input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await flushPromises();

    expect(router.currentRoute.value.path).toBe('/');
    input.remove();
  });

  it('opens the shortcut help with ? and lists the shortcuts', async () => {
    const { sut } = await mountShell();
    const dialog = sut.get('dialog');
    expect((dialog.element as HTMLDialogElement).open).toBe(false);

    press('?');
    await flushPromises();

    expect((dialog.element as HTMLDialogElement).open).toBe(true);
    expect(dialog.text()).toContain('Go to Employees');
    expect(dialog.text()).toContain('Show or hide this help');
  });

  it('toggles the menu on small screens and closes it on navigation', async () => {
    const { sut, router } = await mountShell();
    const button = sut.get('button[aria-controls="sidebar-panel"]');
    expect(button.attributes('aria-expanded')).toBe('false');

    await button.trigger('click');
    expect(button.attributes('aria-expanded')).toBe('true');
    expect(sut.get('#sidebar-panel').classes()).toContain('is-open');

    await router.push('/memory');
    await flushPromises();
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(document.activeElement?.id).toBe('main');
  });

  it('shows the server status and the disconnected banner when the server is gone', async () => {
    vi.unstubAllGlobals();
    stubFetch(networkFailure);
    const { sut } = await mountShell();

    expect(sut.get('[data-test="server-status"]').text()).toContain('Disconnected');
    expect(sut.find('[data-test="disconnected"]').exists()).toBe(true);
  });

  it('saves an explicit theme choice and applies it', async () => {
    const { sut } = await mountShell();

    await sut.get('input[value="dark"]').setValue(true);

    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem('dash.theme')).toBe('dark');

    await sut.get('input[value="system"]').setValue(true);
    expect(window.localStorage.getItem('dash.theme')).toBeNull();
  });
});
