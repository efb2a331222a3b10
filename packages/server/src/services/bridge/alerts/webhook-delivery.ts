/**
 * Sends queued alert webhooks (the outbox in alert_deliveries): each due delivery is claimed under
 * a lease, its body built from the stored alert (Slack-compatible, domain/bridge/webhook-payload.ts),
 * signed (webhook-signature.ts) and POSTed. 2xx → delivered. A timeout, network error, 408, 425,
 * 429 or 5xx → retried after ALERT_WEBHOOK_BACKOFF × 2^(attempt-1), until ALERT_WEBHOOK_MAX_ATTEMPTS;
 * any other status → failed at once. Every attempt's status code or error is kept and shown
 * (GET /api/bridge/alerts/deliveries). URLs are never stored or logged (only their origin).
 */
import type { AlertDeliveryStatus } from '@dash/shared';
import { deliveryVerdict, webhookRetryDelayMs } from '../../../domain/bridge/retry-delay.js';
import { webhookPayload } from '../../../domain/bridge/webhook-payload.js';
import type { AlertDeliveryRepository, StoredDelivery } from '../../../ports/alert-delivery-repository.js';
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

const BATCH = 20;
const ERROR_CHARS = 300;

export class WebhookDelivery {
  private running: Promise<number> | null = null;
  private again = false;

  constructor(private readonly deps: WebhookDeliveryDeps) {}

  /** Sends everything due now; overlapping calls coalesce. Resolves with the attempts made. */
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
        const leaseUntil = new Date(now + this.deps.timeoutMs + 5_000).toISOString();
        const due = await this.deps.deliveries.claimDue(new Date(now).toISOString(), leaseUntil, BATCH);
        if (due.length === 0) break;
        for (const delivery of due) {
          await this.attempt(delivery);
          attempts += 1;
        }
      }
    } while (this.again);
    return attempts;
  }

  private async attempt(d: StoredDelivery): Promise<void> {
    const made = d.attempts + 1;
    const target = this.deps.targets.find((t) => t.id === d.targetId);
    const alert = await this.deps.alerts.get(d.alertId);
    if (!target || !alert) {
      const why = !target ? 'the webhook is no longer in ALERT_WEBHOOK_URLS' : 'the alert no longer exists';
      await this.finish(d, made, 'failed', null, why);
      return;
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
    try {
      const { status, excerpt } = await this.deps.sender.post(target.secretUrl, body, headers, this.deps.timeoutMs);
      const verdict = deliveryVerdict(status);
      if (verdict === 'delivered') await this.finish(d, made, 'delivered', status, null);
      else await this.failedAttempt(d, made, status, `HTTP ${status}${excerpt ? `: ${excerpt}` : ''}`, verdict === 'retry');
    } catch (err) {
      await this.failedAttempt(d, made, null, describe(err), true);
    }
  }

  private async failedAttempt(d: StoredDelivery, made: number, status: number | null, error: string, retryable: boolean): Promise<void> {
    if (retryable && made < this.deps.maxAttempts) {
      const next = new Date(this.deps.clock.now() + webhookRetryDelayMs(this.deps.backoffMs, made)).toISOString();
      await this.deps.deliveries.record(d.id, { status: 'pending', attempts: made, lastStatusCode: status, lastError: error.slice(0, ERROR_CHARS), nextAttemptAt: next, deliveredAt: null });
      this.deps.logger.warn({ deliveryId: d.id, alertId: d.alertId, target: d.target, attempt: made, status, error }, 'alert webhook failed; will retry');
      return;
    }
    await this.finish(d, made, 'failed', status, error);
  }

  private async finish(d: StoredDelivery, made: number, status: AlertDeliveryStatus, code: number | null, error: string | null): Promise<void> {
    const delivered = status === 'delivered';
    await this.deps.deliveries.record(d.id, {
      status,
      attempts: made,
      lastStatusCode: code,
      lastError: error === null ? null : error.slice(0, ERROR_CHARS),
      nextAttemptAt: null,
      deliveredAt: delivered ? this.deps.clock.isoNow() : null,
    });
    if (!delivered) this.deps.logger.error({ deliveryId: d.id, alertId: d.alertId, target: d.target, attempts: made, status: code, error }, 'alert webhook gave up');
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
