/**
 * Sends queued alert webhooks (the outbox in alert_deliveries): each due delivery is claimed under
 * a lease, its body built from the stored alert (Slack-compatible, domain/bridge/webhook-payload.ts),
 * signed (webhook-signature.ts) and POSTed. 2xx → delivered. A timeout, network error, 408, 425,
 * 429 or 5xx → retried after ALERT_WEBHOOK_BACKOFF × 2^(attempt-1), until ALERT_WEBHOOK_MAX_ATTEMPTS;
 * any other status → failed at once. Every attempt's status code or error is kept and shown
 * (GET /api/bridge/alerts/deliveries). URLs are never stored or logged (only their origin).
 *
 * Across replicas (ports/alert-delivery-repository.ts): one sender holds a delivery at a time; the
 * deliveries claimed together are sent concurrently, so each lease (timeout + a margin, from the
 * claim) covers its own request rather than a queue of them; an outcome is recorded only under
 * the lease it was sent under (a sender that outlived its lease, whose delivery was taken over,
 * records nothing). Delivery is at least once: a sender that stalls past its lease after the
 * receiver answered, or dies before recording, has that attempt repeated.
 */
import type { AlertDeliveryStatus } from '@dash/shared';
import { deliveryVerdict, webhookRetryDelayMs } from '../../../domain/bridge/retry-delay.js';
import { webhookPayload } from '../../../domain/bridge/webhook-payload.js';
import type { AlertDeliveryRepository, DeliveryAttempt, LeasedDelivery } from '../../../ports/alert-delivery-repository.js';
import type { AlertRepository } from '../../../ports/alert-repository.js';
import type { Clock } from '../../../ports/clock.js';
import type { Logger } from '../../../ports/logger.js';
import type { WebhookSender } from '../../../ports/webhook-sender.js';
import { signWebhook } from './webhook-signature.js';

export interface WebhookTarget {
  id: string;
  secretUrl: string;
}

export interface WebhookDeliveryDeps {
  deliveries: AlertDeliveryRepository;
  alerts: Pick<AlertRepository, 'get'>;
  sender: WebhookSender;
  targets: readonly WebhookTarget[];
  signingSecret: string;
  maxAttempts: number;
  backoffMs: number;
  timeoutMs: number;
  clock: Clock;
  logger: Logger;
}

/** Due deliveries claimed (and sent concurrently) per store round trip. */
const BATCH = 20;
/** Added to the request timeout for a lease: the alert lookup before it and recording after it. */
const LEASE_MARGIN_MS = 5_000;
const ERROR_CHARS = 300;

export class WebhookDelivery {
  private running: Promise<number> | null = null;
  private again = false;

  constructor(private readonly deps: WebhookDeliveryDeps) {}

  /**
   * Sends every delivery due now that no other sender holds; overlapping calls coalesce. Resolves
   * with the attempts made.
   */
  deliverDue(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = null));
    return this.running;
  }

  private async loop(): Promise<number> {
    let attempts = 0;
    do {
      this.again = false;
      for (;;) {
        const now = this.deps.clock.now();
        const leaseUntil = new Date(now + this.deps.timeoutMs + LEASE_MARGIN_MS).toISOString();
        const due = await this.deps.deliveries.claimDue(new Date(now).toISOString(), leaseUntil, BATCH);
        if (due.length === 0) break;
        // All at once: each lease covers one request (timeout included) from the claim. One after
        // the other, the later ones would outlive their leases and be taken over meanwhile.
        await Promise.all(due.map((d) => this.attempt(d)));
        attempts += due.length;
      }
    } while (this.again);
    return attempts;
  }

  /** One attempt and its recorded outcome; never throws (a failure to record is logged). */
  private async attempt(d: LeasedDelivery): Promise<void> {
    try {
      const outcome = await this.send(d);
      if (!(await this.deps.deliveries.record(d, outcome))) {
        this.deps.logger.warn({ deliveryId: d.id, alertId: d.alertId, target: d.target, attempt: outcome.attempts }, 'alert webhook lease ran out; another sender took the delivery over');
        return;
      }
      if (outcome.status === 'pending') {
        this.deps.logger.warn({ deliveryId: d.id, alertId: d.alertId, target: d.target, attempt: outcome.attempts, status: outcome.lastStatusCode, error: outcome.lastError }, 'alert webhook failed; will retry');
      } else if (outcome.status === 'failed') {
        this.deps.logger.error({ deliveryId: d.id, alertId: d.alertId, target: d.target, attempts: outcome.attempts, status: outcome.lastStatusCode, error: outcome.lastError }, 'alert webhook gave up');
      }
    } catch (err) {
      this.deps.logger.error({ err, deliveryId: d.id, alertId: d.alertId, target: d.target }, 'recording an alert webhook attempt failed');
    }
  }

  /** Makes the attempt; resolves with its outcome, to be recorded. */
  private async send(d: LeasedDelivery): Promise<DeliveryAttempt> {
    const made = d.attempts + 1;
    const target = this.deps.targets.find((t) => t.id === d.targetId);
    const alert = await this.deps.alerts.get(d.alertId);
    if (!target || !alert) {
      const why = !target ? 'the webhook is no longer in ALERT_WEBHOOK_URLS' : 'the alert no longer exists';
      return this.outcome(made, 'failed', null, why);
    }
    const body = JSON.stringify(webhookPayload(alert, d.event));
    const timestamp = Math.floor(this.deps.clock.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'multi-agent-dashboard-alerts',
      'x-dashboard-event': `alert.${d.event}`,
      'x-dashboard-delivery': d.id,
      'x-dashboard-timestamp': String(timestamp),
      'x-dashboard-signature': signWebhook(this.deps.signingSecret, timestamp, body),
    };
    let status: number | null = null;
    let error: string;
    let retryable: boolean;
    try {
      const answer = await this.deps.sender.post(target.secretUrl, body, headers, this.deps.timeoutMs);
      status = answer.status;
      const verdict = deliveryVerdict(status);
      if (verdict === 'delivered') return this.outcome(made, 'delivered', status, null);
      error = `HTTP ${status}${answer.excerpt ? `: ${answer.excerpt}` : ''}`;
      retryable = verdict === 'retry';
    } catch (err) {
      error = describe(err);
      retryable = true;
    }
    if (!retryable || made >= this.deps.maxAttempts) return this.outcome(made, 'failed', status, error);
    const next = new Date(this.deps.clock.now() + webhookRetryDelayMs(this.deps.backoffMs, made)).toISOString();
    return { status: 'pending', attempts: made, lastStatusCode: status, lastError: error.slice(0, ERROR_CHARS), nextAttemptAt: next, deliveredAt: null };
  }

  private outcome(made: number, status: Exclude<AlertDeliveryStatus, 'pending'>, code: number | null, error: string | null): DeliveryAttempt {
    return {
      status,
      attempts: made,
      lastStatusCode: code,
      lastError: error === null ? null : error.slice(0, ERROR_CHARS),
      nextAttemptAt: null,
      deliveredAt: status === 'delivered' ? this.deps.clock.isoNow() : null,
    };
  }
}

/** The reason of a failed request, without the URL (fetch errors quote it in their cause). */
function describe(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timed out';
    const cause = err.cause as { code?: unknown } | undefined;
    return typeof cause?.code === 'string' ? `${err.message} (${cause.code})` : err.message;
  }
  return String(err);
}
