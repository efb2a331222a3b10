import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  errorResponse,
  hangingFetch,
  jsonResponse,
  makeDependency,
  makeHealthReport,
  networkFailure,
  stubFetch,
  stubFetchSequence,
} from '../../test-support/fake-fetch';
import { HEALTH_POLL_INTERVAL_MS, HEALTH_TIMEOUT_MS, useHealthStore } from './health-store';
import { deriveOverall, dependencyTone } from './health-status';

let visibility: DocumentVisibilityState = 'visible';

function setVisibility(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Lets the fake fetch answer and the store settle without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  setActivePinia(createPinia());
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('health store: polling', () => {
  it('polls at once on the first subscriber, then every 5 s', async () => {
    const fetch = stubFetch(() => jsonResponse(makeHealthReport()));
    const sut = useHealthStore();

    const release = sut.subscribe();
    await settle();

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe('/health');
    expect(sut.connection).toBe('online');
    expect(sut.overall).toBe('ok');
    expect(sut.report?.nodeId).toBe('node-a');

    await vi.advanceTimersByTimeAsync(HEALTH_POLL_INTERVAL_MS - 1);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    release();
  });

  it('shares one poller between subscribers and stops when the last one leaves', async () => {
    const fetch = stubFetch(() => jsonResponse(makeHealthReport()));
    const sut = useHealthStore();

    const releaseA = sut.subscribe();
    const releaseB = sut.subscribe();
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);

    releaseA();
    releaseA(); // releasing twice must not steal B's subscription
    await vi.advanceTimersByTimeAsync(HEALTH_POLL_INTERVAL_MS);
    expect(fetch).toHaveBeenCalledTimes(2);

    releaseB();
    await vi.advanceTimersByTimeAsync(HEALTH_POLL_INTERVAL_MS * 3);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(sut.nextCheckAt).toBeNull();
  });

  it('pauses while the tab is hidden and checks at once when it is visible again', async () => {
    const fetch = stubFetch(() => jsonResponse(makeHealthReport()));
    const sut = useHealthStore();
    const release = sut.subscribe();
    await settle();

    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(HEALTH_POLL_INTERVAL_MS * 4);
    expect(fetch).toHaveBeenCalledTimes(1);

    setVisibility('visible');
    await settle();
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(HEALTH_POLL_INTERVAL_MS);
    expect(fetch).toHaveBeenCalledTimes(3);
    release();
  });

  it('does not poll when subscribed from a hidden tab', async () => {
    const fetch = stubFetch(() => jsonResponse(makeHealthReport()));
    visibility = 'hidden';
    const release = useHealthStore().subscribe();

    await vi.advanceTimersByTimeAsync(HEALTH_POLL_INTERVAL_MS * 2);

    expect(fetch).not.toHaveBeenCalled();
    release();
  });
});

describe('health store: failures and backoff', () => {
  it('goes offline when the server cannot be reached and retries after 1 s, 2 s, 4 s, 8 s', async () => {
    const fetch = stubFetch(networkFailure);
    const sut = useHealthStore();
    const release = sut.subscribe();
    await settle();

    expect(sut.connection).toBe('offline');
    expect(sut.overall).toBe('unreachable');
    expect(sut.error?.code).toBe('NETWORK_ERROR');
    expect(sut.failures).toBe(1);

    const callTimes: number[] = [];
    const start = Date.now();
    fetch.mockImplementation(() => {
      callTimes.push(Date.now() - start);
      return Promise.reject(new TypeError('Failed to fetch'));
    });
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000 + 8_000);

    expect(callTimes).toEqual([1_000, 3_000, 7_000, 15_000]);
    expect(sut.failures).toBe(5);
    release();
  });

  it('caps the backoff at 30 s', async () => {
    const fetch = stubFetch(networkFailure);
    const sut = useHealthStore();
    const release = sut.subscribe();
    await settle();
    // Failures 2…6 take 1+2+4+8+16 s; from then on every retry waits the 30 s cap.
    await vi.advanceTimersByTimeAsync(31_000);
    expect(fetch).toHaveBeenCalledTimes(6);

    await vi.advanceTimersByTimeAsync(29_999);
    expect(fetch).toHaveBeenCalledTimes(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(7);
    release();
  });

  it('recovers on the next success and returns to the 5 s interval', async () => {
    const report = makeHealthReport();
    const fetch = stubFetchSequence(networkFailure, networkFailure, () => jsonResponse(report));
    const sut = useHealthStore();
    const release = sut.subscribe();
    await settle();
    await vi.advanceTimersByTimeAsync(1_000 + 2_000);

    expect(fetch).toHaveBeenCalledTimes(3);
    expect(sut.connection).toBe('online');
    expect(sut.error).toBeNull();
    expect(sut.failures).toBe(0);
    expect(sut.overall).toBe('ok');
    expect(sut.nextCheckAt).toBe(Date.now() + HEALTH_POLL_INTERVAL_MS);
    release();
  });

  it('treats a poll slower than the timeout as unreachable', async () => {
    stubFetch(hangingFetch);
    const sut = useHealthStore();
    const release = sut.subscribe();

    await vi.advanceTimersByTimeAsync(HEALTH_TIMEOUT_MS);

    expect(sut.error?.code).toBe('TIMEOUT');
    expect(sut.connection).toBe('offline');
    release();
  });

  it('keeps the last report but marks an API error, backing off without going offline', async () => {
    const fetch = stubFetchSequence(
      () => jsonResponse(makeHealthReport()),
      () => errorResponse(503, 'SERVER_DRAINING', 'The server is shutting down'),
    );
    const sut = useHealthStore();
    const release = sut.subscribe();
    await settle();
    await vi.advanceTimersByTimeAsync(HEALTH_POLL_INTERVAL_MS);

    expect(sut.connection).toBe('online');
    expect(sut.overall).toBe('error');
    expect(sut.error).toMatchObject({ code: 'SERVER_DRAINING', message: 'The server is shutting down', status: 503 });
    expect(sut.report?.status).toBe('ok');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    release();
  });

  it("reads a 503 health report as the server's own 'down' verdict, not a failure", async () => {
    const report = makeHealthReport({
      status: 'down',
      dependencies: [makeDependency({ status: 'down', detail: 'SQLITE_CANTOPEN' })],
    });
    stubFetch(() => jsonResponse(report, 503));
    const sut = useHealthStore();
    const release = sut.subscribe();
    await settle();

    expect(sut.overall).toBe('down');
    expect(sut.failures).toBe(0);
    expect(sut.error).toBeNull();
    release();
  });

  it('a manual check replaces the pending retry', async () => {
    const fetch = stubFetchSequence(networkFailure, () => jsonResponse(makeHealthReport()));
    const sut = useHealthStore();
    const release = sut.subscribe();
    await settle();
    expect(sut.connection).toBe('offline');

    await sut.check();

    expect(fetch).toHaveBeenCalledTimes(2);
    expect(sut.connection).toBe('online');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    release();
  });
});

describe('health status derivation', () => {
  const report = makeHealthReport();

  it.each([
    [{ report: null, error: null, connection: 'idle' as const }, 'checking'],
    [{ report: null, error: null, connection: 'connecting' as const }, 'checking'],
    [{ report, error: null, connection: 'online' as const }, 'ok'],
    [{ report: { ...report, status: 'degraded' as const }, error: null, connection: 'online' as const }, 'degraded'],
    [{ report: { ...report, status: 'down' as const }, error: null, connection: 'online' as const }, 'down'],
    [{ report, error: null, connection: 'offline' as const }, 'unreachable'],
  ])('%o → %s', (snapshot, expected) => {
    expect(deriveOverall(snapshot)).toBe(expected);
  });

  it('ranks a down dependency by whether it is required', () => {
    expect(dependencyTone(makeDependency({ status: 'down', required: true }))).toBe('critical');
    expect(dependencyTone(makeDependency({ status: 'down', required: false }))).toBe('warning');
    expect(dependencyTone(makeDependency({ status: 'up' }))).toBe('ok');
    expect(dependencyTone(makeDependency({ status: 'not_configured' }))).toBe('neutral');
  });
});
