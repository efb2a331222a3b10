import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import { ApiError } from '../api/api-error';
import RefreshPanel from './RefreshPanel.vue';

let wrapper: VueWrapper | null = null;

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
});

/** A load the test settles by hand, one call at a time. */
function manualLoad() {
  const pending: { resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const load = () => new Promise<string>((resolve, reject) => void pending.push({ resolve, reject }));
  return { load, pending };
}

function mountPanel(load: () => Promise<string>): VueWrapper {
  wrapper = mount(RefreshPanel, {
    props: { title: 'Things', headingId: 'things-heading', refreshLabel: 'Look again', load },
    slots: { default: ({ data, loading }: { data: unknown; loading: boolean }) => h('p', { 'data-test': 'content' }, `${String(data ?? 'none')} ${loading ? 'loading' : 'idle'}`) },
  });
  return wrapper;
}

describe('RefreshPanel', () => {
  it('loads when mounted, busy until the answer, then shows it', async () => {
    const { load, pending } = manualLoad();
    const sut = mountPanel(load);
    const section = sut.get('section');
    expect(section.attributes('aria-labelledby')).toBe('things-heading');
    expect(sut.get('#things-heading').text()).toBe('Things');
    await flushPromises();
    expect(pending).toHaveLength(1);
    expect(section.attributes('aria-busy')).toBe('true');
    expect(sut.get('[data-test="panel-refresh"]').attributes('disabled')).toBeDefined();
    expect(sut.get('[data-test="content"]').text()).toBe('none loading');

    pending[0]?.resolve('first');
    await flushPromises();
    expect(section.attributes('aria-busy')).toBe('false');
    expect(sut.get('[data-test="panel-refresh"]').attributes('disabled')).toBeUndefined();
    expect(sut.get('[data-test="content"]').text()).toBe('first idle');
  });

  it('keeps what it had when a refresh fails, shows the failure, and clears it on the next success', async () => {
    const { load, pending } = manualLoad();
    const sut = mountPanel(load);
    await flushPromises();
    pending[0]?.resolve('first');
    await flushPromises();

    await sut.get('[data-test="panel-refresh"]').trigger('click');
    expect(pending).toHaveLength(2);
    pending[1]?.reject(new ApiError({ code: 'SERVICE_UNAVAILABLE', message: 'Try later', status: 503 }));
    await flushPromises();
    expect(sut.text()).toContain('SERVICE_UNAVAILABLE');
    expect(sut.get('[data-test="content"]').text()).toBe('first idle');

    await sut.get('[data-test="panel-refresh"]').trigger('click');
    pending[2]?.resolve('second');
    await flushPromises();
    expect(sut.text()).not.toContain('SERVICE_UNAVAILABLE');
    expect(sut.get('[data-test="content"]').text()).toBe('second idle');
  });

  it('reports a failure that is not an API error as a bad response', async () => {
    const sut = mountPanel(() => Promise.reject(new TypeError('not JSON')));
    await flushPromises();
    expect(sut.text()).toContain('BAD_RESPONSE');
    expect(sut.get('[data-test="content"]').text()).toBe('none idle');
  });

  it('names the refresh button', () => {
    const sut = mountPanel(() => new Promise<string>(() => undefined));
    expect(sut.get('[data-test="panel-refresh"]').text()).toBe('Look again');
  });
});
