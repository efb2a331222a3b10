/**
 * A live-feed test client over the real `ws` client: every frame the server sends is validated
 * against the shared schema (a malformed frame fails the test), kept in arrival order, and can be
 * awaited. Used by the gateway integration tests, the e2e test and the latency benchmark.
 */
import {
  LIVE_FEED_PATH,
  LIVE_FEED_VERSION,
  liveServerMessage,
  type LiveEventMessage,
  type LiveServerMessage,
  type LiveSubscription,
} from '@dash/shared';
import { WebSocket, type ClientOptions } from 'ws';

export interface Closed {
  code: number;
  reason: string;
}

type Waiter = { match: (m: LiveServerMessage) => boolean; from: number; resolve: (m: LiveServerMessage) => void };

export class LiveClient {
  readonly frames: LiveServerMessage[] = [];
  /** Resolves when the socket has closed, with the close code the client saw. */
  readonly closed: Promise<Closed>;
  private waiters: Waiter[] = [];
  private onFrame: ((m: LiveServerMessage, receivedAt: number) => void) | null = null;

  private constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => {
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    socket.on('message', (data) => {
      const receivedAt = Date.now();
      const message = liveServerMessage.parse(JSON.parse(String(data)));
      this.frames.push(message);
      this.onFrame?.(message, receivedAt);
      const index = this.frames.length - 1;
      this.waiters = this.waiters.filter((w) => {
        if (index < w.from || !w.match(message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  /** Opens `${baseUrl}/ws` (http:// becomes ws://); rejects with the HTTP status when refused. */
  static connect(baseUrl: string, options: ClientOptions = {}): Promise<LiveClient> {
    const url = `${baseUrl.replace(/^http/, 'ws')}${LIVE_FEED_PATH}`;
    const socket = new WebSocket(url, options);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new LiveClient(socket)));
      socket.once('unexpected-response', (_req, res) => {
        reject(new Error(`upgrade refused: HTTP ${res.statusCode}`));
        socket.terminate();
      });
      socket.once('error', reject);
    });
  }

  /** Connects and says hello; resolves after `welcome`. */
  static async open(baseUrl: string, resume?: LiveSubscription[], options: ClientOptions = {}): Promise<LiveClient> {
    const client = await LiveClient.connect(baseUrl, options);
    client.send({ type: 'hello', v: LIVE_FEED_VERSION, ...(resume && { resume: { subscriptions: resume } }) });
    await client.next((m) => m.type === 'welcome');
    return client;
  }

  /** Sends a message (objects as JSON, strings raw). */
  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Called for every frame as it arrives, with the arrival time (for latency figures). */
  listen(handler: (m: LiveServerMessage, receivedAt: number) => void): void {
    this.onFrame = handler;
  }

  /** The first frame at or after index `from` that matches (default: from the start). */
  next(match: (m: LiveServerMessage) => boolean, timeoutMs = 10_000, from = 0): Promise<LiveServerMessage> {
    for (let i = from; i < this.frames.length; i += 1) {
      const frame = this.frames[i];
      if (frame && match(frame)) return Promise.resolve(frame);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching frame within ${timeoutMs} ms; last frames: ${JSON.stringify(this.frames.slice(-5)).slice(0, 1000)}`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        from,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Subscribes and waits for `subscribed` (or the error answering it). */
  async subscribe(topic: string, from: { afterSeq?: number; epoch?: string } = {}): Promise<LiveServerMessage> {
    const mark = this.frames.length;
    this.send({ type: 'subscribe', topic, ...from });
    return this.next((m) => (m.type === 'subscribed' || m.type === 'error') && 'topic' in m && m.topic === topic, 10_000, mark);
  }

  /** `event` frames of a topic, in arrival order. */
  events(topic: string): LiveEventMessage[] {
    return this.frames.filter((m): m is LiveEventMessage => m.type === 'event' && m.topic === topic);
  }

  /** Waits until the topic's events include `seq`. */
  async untilSeq(topic: string, seq: number, timeoutMs = 20_000): Promise<void> {
    await this.next((m) => m.type === 'event' && m.topic === topic && m.seq >= seq, timeoutMs);
  }

  async close(): Promise<Closed> {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close(1000);
    return this.closed;
  }

  /** Drops the connection without a closing handshake (a network failure, as the server sees it). */
  terminate(): void {
    this.socket.terminate();
  }
}
