/**
 * EventBus over Redis pub/sub, for several replicas sharing one Redis. It owns two connections
 * (a publisher and a pattern subscriber) and closes them.
 *
 * - Local subscribers are served in-process and synchronously, exactly like LocalEventBus, so the
 *   node that publishes sees no Redis round trip. Each message also goes to the channel
 *   `${channelPrefix}${topic}` as `<origin>|<json>`; a node drops its own messages when they come
 *   back, so local subscribers never get a message twice or out of order.
 * - One PSUBSCRIBE on `${channelPrefix}*` is made at connect time, so subscribe() is effective at
 *   once (no per-topic SUBSCRIBE round trip during which messages would be missed). Every node
 *   receives every topic's traffic; a deployment is one set of replicas, so that is fine.
 * - Best effort, like the port says: while Redis is unreachable publish never throws and never
 *   queues; remote delivery is dropped and counted. Durability comes from the store (a run's live
 *   subscription fills gaps from it). When the subscriber comes back after an interruption,
 *   `onResubscribed` lets the owner tell consumers they may have missed messages.
 * - Pub/sub channels are global to a Redis server (not per database): deployments sharing a
 *   Redis need distinct prefixes (see deploymentChannelPrefix).
 *
 * ioredis is loaded by start(), so embedded mode never pays for it.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { maskCredentials } from '../../config/mask-secrets.js';
import type { BusHandler, EventBus } from '../../ports/event-bus.js';
import { silentLogger, type Logger } from '../../ports/logger.js';
import { LocalEventBus } from '../bus-local/local-event-bus.js';
import { deploymentId } from '../redis/deployment-id.js';

export interface RedisEventBusOptions {
  url: string;
  /** @default 'dash:bus:' */
  channelPrefix?: string;
  /** CLIENT SETNAME of the two connections, suffixed `-pub` and `-sub`. @default 'dash-bus' */
  connectionName?: string;
  logger?: Logger;
  /** Called for every message that could not be sent to Redis. */
  onDropped?: (topic: string) => void;
  /** Called once the subscription is back after Redis was unreachable: messages may be missing. */
  onResubscribed?: () => void;
}

const ORIGIN_BYTES = 12;
const SEPARATOR = '|';

export class RedisEventBus implements EventBus {
  private readonly local: LocalEventBus;
  /** Tags this instance's messages so they are not delivered twice locally. */
  private readonly origin = randomBytes(ORIGIN_BYTES).toString('hex');
  private readonly prefix: string;
  private readonly log: Logger;
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  private starting: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  private subscribedOnce = false;
  private interrupted = false;
  private droppedCount = 0;
  private droppedSinceUp = 0;
  private readonly errors = new Map<string, string>();
  private readyWaiters: (() => void)[] = [];

  constructor(private readonly options: RedisEventBusOptions) {
    this.log = options.logger ?? silentLogger;
    this.local = new LocalEventBus(this.log);
    this.prefix = options.channelPrefix ?? 'dash:bus:';
  }

  /** Messages not sent to Redis so far. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** True while both connections are up and the subscription is active. */
  get connected(): boolean {
    return this.pub?.status === 'ready' && this.sub?.status === 'ready' && this.subscribedOnce && !this.interrupted;
  }

  /** Opens both connections in the background and returns; Redis being down does not fail it. */
  start(): Promise<void> {
    this.starting ??= this.open();
    return this.starting;
  }

  /** Resolves once connected (start() first); rejects after `timeoutMs`. */
  async ready(timeoutMs = 10_000): Promise<void> {
    await this.start();
    if (this.connected) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis event bus not connected after ${timeoutMs} ms`)), timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  publish<T>(topic: string, message: T): void {
    this.local.publish(topic, message);
    if (this.closing) return;
    const pub = this.pub;
    if (pub === null || pub.status !== 'ready') {
      this.drop(topic);
      return;
    }
    let payload: string;
    try {
      payload = `${this.origin}${SEPARATOR}${JSON.stringify(message)}`;
    } catch (err) {
      this.log.error({ topic, err: errorText(err) }, 'bus message is not serializable; not sent to other replicas');
      return;
    }
    pub.publish(this.prefix + topic, payload).catch(() => this.drop(topic));
  }

  subscribe<T>(topic: string, handler: BusHandler<T>): () => void {
    return this.local.subscribe(topic, handler);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.starting?.catch(() => undefined);
      await Promise.all([quit(this.pub), quit(this.sub)]);
      await this.local.close();
      this.readyWaiters = [];
    })();
    return this.closing;
  }

  private async open(): Promise<void> {
    const { Redis } = await import('ioredis');
    if (this.closing) return;
    this.pub = new Redis(this.options.url, {
      lazyConnect: true,
      // Never queue while disconnected: a message is sent now or dropped (and counted).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      enableAutoPipelining: true,
      connectionName: `${this.options.connectionName ?? 'dash-bus'}-pub`,
    });
    this.sub = new Redis(this.options.url, {
      lazyConnect: true,
      // Re-subscribed by hand on every 'ready', so we know when the subscription is back.
      autoResubscribe: false,
      maxRetriesPerRequest: null,
      connectionName: `${this.options.connectionName ?? 'dash-bus'}-sub`,
    });
    this.watch(this.pub, 'publisher');
    this.watch(this.sub, 'subscriber');
    this.sub.on('pmessage', (_pattern: string, channel: string, payload: string) => this.receive(channel, payload));
    this.sub.on('ready', () => void this.resubscribe());
    this.pub.on('ready', () => this.maybeReady());
    this.sub.on('close', () => {
      if (this.subscribedOnce) this.interrupted = true;
    });
    for (const client of [this.pub, this.sub]) {
      client.connect().catch(() => {
        // Reported by the 'error' listener; ioredis keeps retrying in the background.
      });
    }
  }

  private async resubscribe(): Promise<void> {
    const sub = this.sub;
    if (sub === null || this.closing) return;
    try {
      await sub.psubscribe(`${escapeGlob(this.prefix)}*`);
    } catch (err) {
      this.log.warn({ err: errorText(err) }, 'redis event bus could not subscribe; retrying on reconnect');
      return;
    }
    const wasInterrupted = this.interrupted;
    this.subscribedOnce = true;
    this.interrupted = false;
    if (wasInterrupted) {
      this.log.info({ droppedWhileDown: this.droppedSinceUp }, 'redis event bus subscription restored');
      this.options.onResubscribed?.();
    }
    this.maybeReady();
  }

  private maybeReady(): void {
    if (!this.connected) return;
    this.droppedSinceUp = 0;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  private receive(channel: string, payload: string): void {
    if (!channel.startsWith(this.prefix)) return;
    const cut = payload.indexOf(SEPARATOR);
    if (cut < 0) {
      this.log.warn({ channel }, 'malformed bus message dropped');
      return;
    }
    if (payload.slice(0, cut) === this.origin) return;
    let message: unknown;
    try {
      message = JSON.parse(payload.slice(cut + 1));
    } catch {
      this.log.warn({ channel }, 'malformed bus message dropped');
      return;
    }
    this.local.publish(channel.slice(this.prefix.length), message);
  }

  private drop(topic: string): void {
    this.droppedCount += 1;
    this.droppedSinceUp += 1;
    if (this.droppedSinceUp === 1) this.log.warn({ topic }, 'redis unavailable: bus messages are not reaching other replicas');
    this.options.onDropped?.(topic);
  }

  private watch(client: Redis, role: string): void {
    client.on('error', (err: Error) => {
      const message = maskCredentials(err.message);
      // Reconnect attempts repeat the same error; log it once per change.
      if (this.errors.get(role) !== message) this.log.warn({ role, err: message }, 'redis event bus connection error');
      this.errors.set(role, message);
    });
    client.on('ready', () => {
      if (this.errors.has(role)) this.log.info({ role }, 'redis event bus connection restored');
      this.errors.delete(role);
    });
  }
}

/** A channel prefix shared by the replicas of one deployment and by no other (see deploymentId). */
export function deploymentChannelPrefix(storeIdentity: string): string {
  return `dash:bus:${deploymentId(storeIdentity)}:`;
}

async function quit(client: Redis | null): Promise<void> {
  if (client === null) return;
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
}

const escapeGlob = (text: string): string => text.replace(/[*?[\]\\]/g, '\\$&');
const errorText = (err: unknown): string => maskCredentials(err instanceof Error ? err.message : String(err));
