import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  errorResponse,
  jsonResponse,
  makeDependency,
  makeHealthReport,
  networkFailure,
  stubFetch,
  stubFetchSequence,
} from '../../test-support/fake-fetch';
import DisconnectedBanner from './DisconnectedBanner.vue';
import HealthPanel from './HealthPanel.vue';

let pinia: Pinia;
const wrappers: VueWrapper[] = [];

function mountWithStore<C>(component: C): VueWrapper {
  const wrapper = mount(component as never, { global: { plugins: [pinia] } });
  wrappers.push(wrapper);
  return wrapper;
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  pinia = createPinia();
  setActivePinia(pinia);
});

afterEach(() => {
  for (const wrapper of wrappers.splice(0)) wrapper.unmount();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('HealthPanel', () => {
  it('says it is contacting the server before the first answer', () => {
    stubFetch(() => new Promise<Response>(() => {}));
    const sut = mountWithStore(HealthPanel);

    expect(sut.get('[data-test="overall"]').text()).toBe('Checking…');
    expect(sut.text()).toContain('Contacting the server…');
  });

  it('shows the overall status, the server facts and every dependency', async () => {
    stubFetch(() =>
      jsonResponse(
        makeHealthReport({
          status: 'degraded',
          uptimeSeconds: 3725,
          dependencies: [
            makeDependency({ name: 'store', kind: 'postgres', latencyMs: 3.4 }),
            makeDependency({ name: 'api-bridge', kind: 'http', required: false, status: 'down', latencyMs: 1500, detail: 'ECONNREFUSED' }),
          ],
        }),
      ),
    );
    const sut = mountWithStore(HealthPanel);
    await settle();

    expect(sut.get('[data-test="overall"]').text()).toBe('Degraded');
    expect(sut.text()).toContain('1 h 2 min');
    expect(sut.text()).toContain('node-a');

    const store = sut.get('[data-test="dep-store"]');
    expect(store.text()).toContain('Store');
    expect(store.text()).toContain('required');
    expect(store.text()).toContain('postgres');
    expect(store.text()).toContain('Up');
    expect(store.text()).toContain('3.4 ms');

    const bridge = sut.get('[data-test="dep-api-bridge"]');
    expect(bridge.text()).toContain('API bridge');
    expect(bridge.text()).toContain('optional');
    expect(bridge.text()).toContain('Down');
    expect(bridge.text()).toContain('1.5 s');
    expect(bridge.text()).toContain('ECONNREFUSED');
    expect(bridge.find('.badge--warning').exists()).toBe(true);
  });

  it('shows an API error with its code, message and request id, and marks the report stale', async () => {
    stubFetchSequence(
      () => jsonResponse(makeHealthReport()),
      () => errorResponse(429, 'RATE_LIMITED', 'Too many requests', { requestId: 'req-99' }),
    );
    const sut = mountWithStore(HealthPanel);
    await settle();
    await vi.advanceTimersByTimeAsync(5_000);

    expect(sut.get('[data-test="overall"]').text()).toBe('Health check failed');
    expect(sut.text()).toContain('Too many requests');
    expect(sut.text()).toContain('RATE_LIMITED');
    expect(sut.text()).toContain('HTTP 429');
    expect(sut.text()).toContain('req-99');
    expect(sut.find('[data-test="stale"]').exists()).toBe(true);
    expect(sut.find('[data-test="dep-store"]').exists()).toBe(true);
  });

  it('says disconnected when the server never answered', async () => {
    stubFetch(networkFailure);
    const sut = mountWithStore(HealthPanel);
    await settle();

    expect(sut.get('[data-test="overall"]').text()).toBe('Disconnected');
    expect(sut.text()).toContain('the server has not answered');
    // The banner explains unreachable servers; the panel does not repeat it as an error.
    expect(sut.text()).not.toContain('NETWORK_ERROR');
  });

  it('checks again when "Check now" is pressed', async () => {
    const fetch = stubFetch(() => jsonResponse(makeHealthReport()));
    const sut = mountWithStore(HealthPanel);
    await settle();

    await sut.get('button').trigger('click');
    await settle();

    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('DisconnectedBanner', () => {
  it('stays hidden while the server answers', async () => {
    stubFetch(() => jsonResponse(makeHealthReport()));
    mountWithStore(HealthPanel);
    const sut = mountWithStore(DisconnectedBanner);
    await settle();

    expect(sut.find('[data-test="disconnected"]').exists()).toBe(false);
  });

  it('counts down to the next retry and retries on demand', async () => {
    const fetch = stubFetch(networkFailure);
    mountWithStore(HealthPanel);
    const sut = mountWithStore(DisconnectedBanner);
    await settle();
    await vi.advanceTimersByTimeAsync(1_000); // second failure: next retry in 2 s

    const banner = sut.get('[data-test="disconnected"]');
    expect(banner.text()).toContain('Disconnected.');
    expect(banner.text()).toContain('Retrying in 2 s (attempt 3)');
    expect(banner.find('[role="alert"]').text()).not.toContain('Retrying');

    await vi.advanceTimersByTimeAsync(1_000);
    expect(sut.text()).toContain('Retrying in 1 s');

    await sut.get('button').trigger('click');
    await settle();
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('disappears once the server answers again', async () => {
    stubFetchSequence(networkFailure, () => jsonResponse(makeHealthReport()));
    mountWithStore(HealthPanel);
    const sut = mountWithStore(DisconnectedBanner);
    await settle();
    expect(sut.find('[data-test="disconnected"]').exists()).toBe(true);

    await vi.advanceTimersByTimeAsync(1_000);

    expect(sut.find('[data-test="disconnected"]').exists()).toBe(false);
  });
});
