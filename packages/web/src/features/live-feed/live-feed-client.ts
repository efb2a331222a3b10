/**
 * One WebSocket per tab to the server's live feed (`/ws`), shared by every consumer.
 *
 * - Topics are reference-counted: the first listener subscribes on the server, the last one to
 *   leave unsubscribes; the socket closes after `idleCloseMs` with nothing subscribed.
 * - The last seq per topic is remembered. After a reconnect the `hello` re-subscribes everything
 *   with `afterSeq` (and the topic's epoch, for non-run topics), so the server replays exactly
 *   what was missed. Events with seq ≤ the last one are dropped anyway, defensively.
 * - Reconnects back off exponentially (1 s, 2 s, 4 s … capped at 15 s); a successful `welcome`
 *   resets the count. A connection that stays silent for 2.5 heartbeats is treated as dead.
 * - `unsupportedVersion` (4002) stops reconnecting: this page speaks a protocol the server lacks.
 * - `unauthorized` (4001): the credential was revoked or expired; the app is told to sign in again.
 *
 * Framework-free (the Pinia store wraps it); the WebSocket class is injectable for tests.
 */
import { notifyUnauthorized } from '../../shared/api/auth-hooks';
import { backoffDelay } from '../../shared/utils/backoff';
import {
  isRunTopic,
  LIVE_FEED_VERSION,
  liveCloseCodes,
  readServerMessage,
  type LiveClientMessage,
  type LiveServerMessage,
} from './live-feed-protocol';

/** The parts of the browser WebSocket the client uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}
export type WebSocketFactory = new (url: string) => WebSocketLike;

const OPEN = 1;

/**
 * `idle`: no socket (nothing subscribed); `connecting`: first attempt in progress; `open`: welcomed;
 * `reconnecting`: lost or never reached, retrying; `unsupported`: the server refused our version.
 */
export type LiveFeedState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'unsupported';

export interface LiveFeedStatus {
  readonly state: LiveFeedState;
  /** Consecutive failed connection attempts (0 once welcomed). */
  readonly failures: number;
  /** When the next reconnect attempt fires (epoch ms), or null. */
  readonly nextRetryAt: number | null;
  /** Whether any connection of this client was ever welcomed (tells "lost" from "not available"). */
  readonly everOpened: boolean;
  /** Close code of the last dropped connection, if any. */
  readonly lastCloseCode: number | null;
}

export interface TopicListener {
  /** Each event once, in seq order. `data` is the topic's payload (a RunEvent for run topics). */
  event(data: unknown, seq: number): void;
  /** The server confirmed the subscription; events after `afterSeq` follow. */
  subscribed?(afterSeq: number): void;
  /** The server cannot replay the gap: refetch over REST, then events continue after `afterSeq`. */
  reset?(info: { afterSeq: number; reason: string }): void;
  /** The server refused the subscription (e.g. unknown topic). */
  error?(info: { code: string; message: string }): void;
}

export interface SubscribeOptions {
  /** Deliver only events after this seq (run topics: the last seq already loaded over REST). */
  afterSeq?: number;
}

export interface LiveFeedClientOptions {
  url: string | (() => string);
  WebSocket?: WebSocketFactory;
  backoff?: { baseMs: number; maxMs: number };
  /** Close the socket after this long with no subscriptions. @default 10 s */
  idleCloseMs?: number;
  /**
   * Called when an attempt closes before the server's `welcome`. A browser cannot see why an upgrade
   * failed: one refused with 401 (the session was revoked before the socket opened) looks like a
   * network error, so the app checks the session over HTTP to send the user to sign-in.
   */
  onRefused?: () => void;
}

export const LIVE_FEED_BACKOFF = { baseMs: 1_000, maxMs: 15_000 } as const;
/** A connection is dead after this many heartbeat intervals without any message. */
const HEARTBEAT_TOLERANCE = 2.5;
/** Our own close code for a silent connection (4000–4999 are application codes). */
const CLOSE_HEARTBEAT_TIMEOUT = 4000;

interface TopicState {
  readonly listeners: Set<TopicListener>;
  /** Last seq delivered (or the server's starting point); null until known. */
  lastSeq: number | null;
  /** Numbering of non-run topics on the server that sent them. */
  epoch: string | null;
}

export class LiveFeedClient {
  private readonly topics = new Map<string, TopicState>();
  private readonly statusListeners = new Set<(status: LiveFeedStatus) => void>();
  private socket: WebSocketLike | null = null;
  private current: LiveFeedStatus = { state: 'idle', failures: 0, nextRetryAt: null, everOpened: false, lastCloseCode: null };
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private lastMessageAt = 0;
  private disposed = false;

  constructor(private readonly options: LiveFeedClientOptions) {}

  get status(): LiveFeedStatus {
    return this.current;
  }

  /** Calls `listener` with every status change; returns the unsubscribe function. */
  onStatus(listener: (status: LiveFeedStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Last seq seen on a subscribed topic. */
  lastSeq(topic: string): number | null {
    return this.topics.get(topic)?.lastSeq ?? null;
  }

  /** Listens to `topic`; returns the function that stops listening (idempotent). */
  subscribe(topic: string, listener: TopicListener, options: SubscribeOptions = {}): () => void {
    if (this.disposed) return () => {};
    let state = this.topics.get(topic);
    if (!state) {
      state = { listeners: new Set(), lastSeq: options.afterSeq ?? null, epoch: null };
      this.topics.set(topic, state);
      this.send({ type: 'subscribe', ...this.subscription(topic, state) });
    }
    state.listeners.add(listener);
    this.clearIdleTimer();
    this.ensureConnected();

    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.release(topic, listener);
    };
  }

  /** Skips the backoff wait and connects now (a "retry now" button). */
  reconnectNow(): void {
    if (this.disposed || this.current.state === 'open' || this.current.state === 'connecting') return;
    if (this.topics.size === 0 || this.socket) return;
    this.clearRetryTimer();
    this.connect();
  }

  /** Closes the socket and forgets every subscription. */
  dispose(): void {
    this.disposed = true;
    this.topics.clear();
    this.clearRetryTimer();
    this.clearIdleTimer();
    this.dropSocket(1000, 'client disposed');
    this.setStatus({ state: 'idle', nextRetryAt: null });
    this.statusListeners.clear();
  }

  // ---- connection ----------------------------------------------------------------------------

  private ensureConnected(): void {
    if (this.socket || this.retryTimer || this.current.state === 'unsupported') return;
    this.connect();
  }

  private connect(): void {
    const url = typeof this.options.url === 'function' ? this.options.url() : this.options.url;
    const Impl = this.options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketFactory | undefined);
    this.setStatus({ state: this.current.everOpened || this.current.failures > 0 ? 'reconnecting' : 'connecting', nextRetryAt: null });
    let socket: WebSocketLike;
    try {
      if (!Impl) throw new Error('WebSocket is not available');
      socket = new Impl(url);
    } catch {
      this.scheduleReconnect(null);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      const subscriptions = [...this.topics].map(([topic, state]) => this.subscription(topic, state));
      this.send(
        subscriptions.length > 0
          ? { type: 'hello', v: LIVE_FEED_VERSION, resume: { subscriptions } }
          : { type: 'hello', v: LIVE_FEED_VERSION },
      );
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      this.lastMessageAt = Date.now();
      const message = readServerMessage(event.data);
      if (message?.type === 'welcome') welcomed = true;
      if (message) this.handle(message);
    };
    let welcomed = false;
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (!welcomed && event.code !== liveCloseCodes.unauthorized) this.options.onRefused?.();
      this.stopWatchdog();
      this.scheduleReconnect(event.code);
    };
    // An error is always followed by close; the close handler decides what to do.
    socket.onerror = () => {};
  }

  private scheduleReconnect(closeCode: number | null): void {
    this.clearRetryTimer();
    if (this.disposed) return;
    // The session or token was revoked or expired: the app goes to sign-in; retries continue
    // (with backoff) and succeed once signed in again.
    if (closeCode === liveCloseCodes.unauthorized) notifyUnauthorized();
    if (closeCode === liveCloseCodes.unsupportedVersion) {
      this.setStatus({ state: 'unsupported', nextRetryAt: null, lastCloseCode: closeCode });
      return;
    }
    if (this.topics.size === 0) {
      this.setStatus({ state: 'idle', nextRetryAt: null, lastCloseCode: closeCode });
      return;
    }
    const failures = this.current.failures + 1;
    const delay = backoffDelay(failures, this.options.backoff ?? LIVE_FEED_BACKOFF);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.topics.size > 0) this.connect();
      else this.setStatus({ state: 'idle', nextRetryAt: null });
    }, delay);
    this.setStatus({ state: 'reconnecting', failures, nextRetryAt: Date.now() + delay, lastCloseCode: closeCode });
  }

  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    this.stopWatchdog();
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(code, reason);
    } catch {
      // Already closed.
    }
  }

  // ---- messages ------------------------------------------------------------------------------

  private handle(message: LiveServerMessage): void {
    switch (message.type) {
      case 'welcome':
        this.startWatchdog(message.heartbeatMs);
        this.setStatus({ state: 'open', failures: 0, nextRetryAt: null, everOpened: true });
        return;
      case 'subscribed': {
        const state = this.topics.get(message.topic);
        if (!state) return;
        state.epoch = message.epoch;
        if (state.lastSeq === null || message.afterSeq > state.lastSeq) state.lastSeq = message.afterSeq;
        this.notify(state, (l) => l.subscribed?.(message.afterSeq));
        return;
      }
      case 'event': {
        const state = this.topics.get(message.topic);
        if (!state) return;
        if (state.lastSeq !== null && message.seq <= state.lastSeq) return;
        state.lastSeq = message.seq;
        this.notify(state, (l) => l.event(message.data, message.seq));
        return;
      }
      case 'reset': {
        const state = this.topics.get(message.topic);
        if (!state) return;
        state.epoch = message.epoch;
        state.lastSeq = message.afterSeq;
        this.notify(state, (l) => l.reset?.({ afterSeq: message.afterSeq, reason: message.reason }));
        return;
      }
      case 'error': {
        const state = message.topic === undefined ? undefined : this.topics.get(message.topic);
        if (state) this.notify(state, (l) => l.error?.({ code: message.code, message: message.message }));
        return;
      }
      case 'unsubscribed':
      case 'pong':
      case 'heartbeat':
        return;
    }
  }

  /** Runs a callback per listener; one listener's bug must not starve the others or the socket. */
  private notify(state: TopicState, call: (listener: TopicListener) => void): void {
    for (const listener of [...state.listeners]) {
      try {
        call(listener);
      } catch (error) {
        console.error('live feed listener failed', error);
      }
    }
  }

  private subscription(topic: string, state: TopicState): { topic: string; afterSeq?: number; epoch?: string } {
    if (state.lastSeq === null) return { topic };
    if (isRunTopic(topic)) return { topic, afterSeq: state.lastSeq };
    // A non-run seq only means something within its epoch; without one, start from now.
    return state.epoch === null ? { topic } : { topic, afterSeq: state.lastSeq, epoch: state.epoch };
  }

  private send(message: LiveClientMessage): void {
    if (this.socket?.readyState !== OPEN) return;
    this.socket.send(JSON.stringify(message));
  }

  private release(topic: string, listener: TopicListener): void {
    const state = this.topics.get(topic);
    if (!state) return;
    state.listeners.delete(listener);
    if (state.listeners.size > 0) return;
    this.topics.delete(topic);
    this.send({ type: 'unsubscribe', topic });
    if (this.topics.size > 0) return;
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.topics.size > 0) return;
      this.clearRetryTimer();
      this.dropSocket(1000, 'idle');
      this.setStatus({ state: this.current.state === 'unsupported' ? 'unsupported' : 'idle', nextRetryAt: null });
    }, this.options.idleCloseMs ?? 10_000);
  }

  // ---- timers and status ---------------------------------------------------------------------

  private startWatchdog(heartbeatMs: number): void {
    this.stopWatchdog();
    this.lastMessageAt = Date.now();
    this.watchdog = setInterval(() => {
      if (Date.now() - this.lastMessageAt <= heartbeatMs * HEARTBEAT_TOLERANCE) return;
      const socket = this.socket;
      this.dropSocket(CLOSE_HEARTBEAT_TIMEOUT, 'heartbeat timeout');
      if (socket) this.scheduleReconnect(CLOSE_HEARTBEAT_TIMEOUT);
    }, heartbeatMs);
  }

  private stopWatchdog(): void {
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private clearRetryTimer(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private setStatus(patch: Partial<LiveFeedStatus>): void {
    const next = { ...this.current, ...patch };
    const keys = Object.keys(next) as Array<keyof LiveFeedStatus>;
    if (keys.every((key) => next[key] === this.current[key])) return;
    this.current = next;
    for (const listener of [...this.statusListeners]) listener(next);
  }
}
