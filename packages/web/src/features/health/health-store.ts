/**
 * Live server health. Polls `GET /health` every 5 s while anyone is subscribed and the tab is
 * visible; after a failure it retries on a capped exponential backoff instead, so a server that
 * is down is not hammered and one that comes back is noticed within seconds.
 *
 * Components call `subscribe()` on mount and the returned function on unmount: the first
 * subscriber starts polling, the last one stops it.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError } from '../../shared/api/api-error';
import { http } from '../../shared/api/http-client';
import { backoffDelay } from '../../shared/utils/backoff';
import { parseHealthReport, type HealthResponse } from './health-report';
import { deriveOverall, type ConnectionState } from './health-status';

/** Delay between successful polls. */
export const HEALTH_POLL_INTERVAL_MS = 5_000;
/** Retry delays after consecutive failures: 1 s, 2 s, 4 s … capped at 30 s. */
export const HEALTH_BACKOFF = { baseMs: 1_000, maxMs: 30_000 } as const;
/** A poll slower than this counts as a failure; below the interval so polls never overlap. */
export const HEALTH_TIMEOUT_MS = 4_000;

export const useHealthStore = defineStore('health', () => {
  const report = shallowRef<HealthResponse | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const connection = ref<ConnectionState>('idle');
  /** Consecutive failed polls; 0 after any success. */
  const failures = ref(0);
  const checking = ref(false);
  const lastCheckedAt = ref<number | null>(null);
  const lastOkAt = ref<number | null>(null);
  /** When the next poll fires (epoch ms); null while paused or stopped. */
  const nextCheckAt = ref<number | null>(null);

  const overall = computed(() =>
    deriveOverall({ report: report.value, error: error.value, connection: connection.value }),
  );

  let subscribers = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: AbortController | null = null;

  const hidden = (): boolean => typeof document !== 'undefined' && document.visibilityState === 'hidden';
  const active = (): boolean => subscribers > 0 && !hidden();

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    nextCheckAt.value = null;
  }

  function schedule(): void {
    clearTimer();
    if (!active()) return;
    const delay = failures.value === 0 ? HEALTH_POLL_INTERVAL_MS : backoffDelay(failures.value, HEALTH_BACKOFF);
    nextCheckAt.value = Date.now() + delay;
    timer = setTimeout(() => void check(), delay);
  }

  /** Polls now (cancelling any poll in flight), then schedules the next one. */
  async function check(): Promise<void> {
    clearTimer();
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    checking.value = true;
    if (connection.value === 'idle') connection.value = 'connecting';
    try {
      const next = await http.get('/health', {
        // A server that is down still answers 503 with a full report.
        acceptStatuses: [503],
        timeoutMs: HEALTH_TIMEOUT_MS,
        signal: controller.signal,
        parse: parseHealthReport,
      });
      report.value = next;
      error.value = null;
      failures.value = 0;
      connection.value = 'online';
      lastOkAt.value = Date.now();
    } catch (cause) {
      // Superseded by a newer check or paused: that caller owns the state now.
      if (controller.signal.aborted) return;
      const failure = cause instanceof ApiError ? cause : ApiError.client('NETWORK_ERROR', { cause });
      error.value = failure;
      failures.value += 1;
      connection.value = failure.unreachable ? 'offline' : 'online';
    } finally {
      if (inFlight === controller) {
        inFlight = null;
        checking.value = false;
      }
    }
    lastCheckedAt.value = Date.now();
    schedule();
  }

  function pause(): void {
    clearTimer();
    inFlight?.abort();
    inFlight = null;
    checking.value = false;
  }

  function onVisibilityChange(): void {
    if (hidden()) pause();
    else if (subscribers > 0) void check();
  }

  /** Starts polling for one consumer; call the returned function to release it. */
  function subscribe(): () => void {
    subscribers += 1;
    if (subscribers === 1) {
      document.addEventListener('visibilitychange', onVisibilityChange);
      if (!hidden()) void check();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      subscribers -= 1;
      if (subscribers === 0) {
        document.removeEventListener('visibilitychange', onVisibilityChange);
        pause();
      }
    };
  }

  return {
    report,
    error,
    connection,
    failures,
    checking,
    lastCheckedAt,
    lastOkAt,
    nextCheckAt,
    overall,
    check,
    subscribe,
  };
});
