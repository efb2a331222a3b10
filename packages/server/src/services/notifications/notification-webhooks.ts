/**
 * Notification webhooks: the transitions that need a human (shared notifications.ts: a task
 * failed or completed for review, a question, a tool or workflow-step approval) are POSTed to
 * every NOTIFY_WEBHOOK_URLS target, never other events.
 *
 *  - heard on the bus (`tasks`, `input-requests`, `workflows`); with the Redis bus every replica
 *    hears every message, so the notification's key is claimed in the store first and only the
 *    replica that claimed it sends (once per transition, across replicas and repeats);
 *  - durable (ports/notification-outbox.ts): claiming the key records one delivery per target in
 *    the same transaction, leased to this replica, before its first attempt; every attempt's
 *    outcome is recorded. Retries are sent by a periodic `deliverDue` pass on every replica, which
 *    claims each due delivery under a lease, so one replica sends each attempt and a restart (or a
 *    crash: the lease runs out) loses none. Delivery is at least once: a sender that dies after
 *    the receiver answered but before recording it has that attempt repeated;
 *  - signed like the alert webhooks (services/bridge/alerts/webhook-signature.ts):
 *    `x-dashboard-timestamp`, `x-dashboard-signature: sha256=<HMAC of "<ts>.<body>">` with
 *    NOTIFY_WEBHOOK_SECRET (else ALERT_WEBHOOK_SECRET; unsigned when neither is set), plus
 *    `x-dashboard-event: notification.<event>` and `x-dashboard-delivery: <key>` (the same on
 *    every attempt, for receivers to de-duplicate); every attempt POSTs the same body;
 *  - retried with exponential backoff (ALERT_WEBHOOK_BACKOFF, ALERT_WEBHOOK_MAX_ATTEMPTS) on
 *    network errors, 408/425/429 and 5xx; other statuses are final.
 *
 * `stop` stops listening and polling and waits for the requests in flight (their outcome is
 * recorded); deliveries not yet attempted stay pending in the store for the next pass (a delivery
 * enqueued but not sent before the stop is taken over once its lease runs out).
 */
import { notificationFor, type Notification, type NotificationWebhookBody } from '@dash/shared';
import { deliveryVerdict, webhookRetryDelayMs } from '../../domain/bridge/retry-delay.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { LeasedNotificationDelivery, NotificationAttempt, NotificationOutbox } from '../../ports/notification-outbox.js';
import type { WebhookSender } from '../../ports/webhook-sender.js';
import { signWebhook } from '../bridge/alerts/webhook-signature.js';

export const NOTIFICATION_TOPICS = ['tasks', 'input-requests', 'workflows'] as const;
/** Keys and finished deliveries are kept this long (a transition repeated later would be sent again). */
const KEY_RETENTION_MS = 7 * 24 * 3_600_000;
/** Due deliveries claimed (and sent concurrently) per store round trip. */
const BATCH = 20;
const ERROR_CHARS = 300;

export interface NotificationTarget {
  id: string;
  origin: string;
  secretUrl: string;
}

export interface NotificationWebhooksDeps {
  bus: EventBus;
  outbox: NotificationOutbox;
  sender: WebhookSender;
  targets: readonly NotificationTarget[];
  signingSecret: string | null;
  maxAttempts: number;
  backoffMs: number;
  timeoutMs: number;
  clock: Clock;
  logger: Logger;
  /** How often the store is asked for due retries. @default 1_000 */
  pollEveryMs?: number;
}

export class NotificationWebhooks {
  readonly #unsubscribes: Array<() => void> = [];
  readonly #work = new Set<Promise<void>>();
  #poll: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;
  #again = false;
  #stopped = false;

  constructor(private readonly deps: NotificationWebhooksDeps) {}

  /** Listens for notifications, and sends due deliveries now and every `pollEveryMs`. */
  start(): void {
    this.#stopped = false;
    for (const topic of NOTIFICATION_TOPICS) {
      this.#unsubscribes.push(this.deps.bus.subscribe<unknown>(topic, (payload) => this.heard(topic, payload)));
    }
    void this.deps.outbox.prune(new Date(this.deps.clock.now() - KEY_RETENTION_MS).toISOString()).catch(() => undefined);
    this.#poll = setInterval(() => void this.deliverDue().catch(() => undefined), this.deps.pollEveryMs ?? 1_000);
    this.#poll.unref();
    void this.deliverDue().catch(() => undefined);
  }

  /** Stops listening and polling, waits for requests in flight; pending deliveries stay in the store. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const unsubscribe of this.#unsubscribes.splice(0)) unsubscribe();
    if (this.#poll !== null) clearInterval(this.#poll);
    this.#poll = null;
    await this.idle();
  }

  /** Resolves when nothing is being sent (tests). */
  async idle(): Promise<void> {
    while (this.#work.size > 0) await Promise.all([...this.#work]);
  }

  /**
   * Sends every delivery due now that no other sender holds; overlapping calls coalesce. Resolves
   * with the attempts made (nothing once stopped).
   */
  deliverDue(): Promise<number> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const running = this.loop().finally(() => (this.#running = null));
    this.#running = running;
    this.track(running.then(() => undefined));
    return running;
  }

  private async loop(): Promise<number> {
    let attempts = 0;
    do {
      this.#again = false;
      while (!this.#stopped) {
        const now = this.deps.clock.now();
        const due = await this.deps.outbox.claimDue(new Date(now).toISOString(), this.leaseFrom(now), BATCH);
        if (due.length === 0) break;
        // All at once: each lease covers one request (timeout included) from the claim.
        await Promise.all(due.map((d) => this.attempt(d)));
        attempts += due.length;
      }
    } while (this.#again && !this.#stopped);
    return attempts;
  }

  private heard(topic: string, payload: unknown): void {
    const note = notificationFor(topic, payload);
    if (note === null || this.#stopped) return;
    this.track(this.claimAndSend(note));
  }

  private async claimAndSend(note: Notification): Promise<void> {
    const now = this.deps.clock.now();
    const sentAt = new Date(now).toISOString();
    const body = JSON.stringify({ ...note, sentAt } satisfies NotificationWebhookBody);
    const deliveries = this.deps.targets.map((target) => ({
      id: `${target.id}:${note.key}`,
      key: note.key,
      event: note.event,
      targetId: target.id,
      target: target.origin,
      body,
      createdAt: sentAt,
    }));
    const enqueued = await this.deps.outbox.enqueue(note.key, sentAt, deliveries, this.leaseFrom(now));
    await Promise.all(enqueued.map((d) => this.attempt(d)));
  }

  /** A lease long enough for one request: its timeout plus a margin for recording the outcome. */
  private leaseFrom(now: number): string {
    return new Date(now + this.deps.timeoutMs + 5_000).toISOString();
  }

  /** One attempt and its recorded outcome; never throws (a failure to record is logged). */
  private async attempt(d: LeasedNotificationDelivery): Promise<void> {
    // Once stopped, nothing new is sent: the delivery stays pending (its lease runs out).
    if (this.#stopped) return;
    try {
      const outcome = await this.send(d);
      if (!(await this.deps.outbox.record(d.id, d.leaseUntil, outcome))) {
        this.deps.logger.warn({ key: d.key, target: d.target, attempt: outcome.attempts }, 'notification delivery lease ran out; another sender took it over');
      }
    } catch (err) {
      this.deps.logger.error({ err, key: d.key, target: d.target }, 'recording a notification delivery failed');
    }
  }

  private async send(d: LeasedNotificationDelivery): Promise<NotificationAttempt> {
    const made = d.attempts + 1;
    const target = this.deps.targets.find((t) => t.id === d.targetId);
    if (!target) return this.gaveUp(d, made, null, 'the webhook is no longer in NOTIFY_WEBHOOK_URLS');
    const timestamp = Math.floor(this.deps.clock.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'multi-agent-dashboard-notifications',
      'x-dashboard-event': `notification.${d.event}`,
      'x-dashboard-delivery': d.key,
      'x-dashboard-timestamp': String(timestamp),
      ...(this.deps.signingSecret !== null && { 'x-dashboard-signature': signWebhook(this.deps.signingSecret, timestamp, d.body) }),
    };
    let status: number | null = null;
    let retryable: boolean;
    let why: string;
    try {
      const answer = await this.deps.sender.post(target.secretUrl, d.body, headers, this.deps.timeoutMs);
      status = answer.status;
      const verdict = deliveryVerdict(status);
      if (verdict === 'delivered') {
        this.deps.logger.info({ key: d.key, event: d.event, target: d.target, attempt: made }, 'notification delivered');
        return { status: 'delivered', attempts: made, lastStatusCode: status, lastError: null, nextAttemptAt: null, deliveredAt: this.deps.clock.isoNow() };
      }
      retryable = verdict === 'retry';
      why = `HTTP ${status}${answer.excerpt ? `: ${answer.excerpt}` : ''}`;
    } catch (err) {
      retryable = true;
      why = err instanceof Error ? err.message : String(err);
    }
    if (!retryable || made >= this.deps.maxAttempts) return this.gaveUp(d, made, status, why);
    const delay = webhookRetryDelayMs(this.deps.backoffMs, made);
    this.deps.logger.warn({ key: d.key, target: d.target, attempt: made, error: why, retryInMs: delay }, 'notification webhook failed; will retry');
    const nextAttemptAt = new Date(this.deps.clock.now() + delay).toISOString();
    return { status: 'pending', attempts: made, lastStatusCode: status, lastError: why.slice(0, ERROR_CHARS), nextAttemptAt, deliveredAt: null };
  }

  private gaveUp(d: LeasedNotificationDelivery, made: number, status: number | null, why: string): NotificationAttempt {
    this.deps.logger.warn({ key: d.key, target: d.target, attempt: made, error: why }, 'notification webhook failed for good');
    return { status: 'failed', attempts: made, lastStatusCode: status, lastError: why.slice(0, ERROR_CHARS), nextAttemptAt: null, deliveredAt: null };
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((err: unknown) => this.deps.logger.error({ err }, 'sending a notification failed'))
      .finally(() => this.#work.delete(tracked));
    this.#work.add(tracked);
  }
}
