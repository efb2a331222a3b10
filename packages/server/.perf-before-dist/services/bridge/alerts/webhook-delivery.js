import { deliveryVerdict, webhookRetryDelayMs } from '../../../domain/bridge/retry-delay.js';
import { webhookPayload } from '../../../domain/bridge/webhook-payload.js';
import { signWebhook } from './webhook-signature.js';
const BATCH = 20;
const ERROR_CHARS = 300;
export class WebhookDelivery {
    deps;
    running = null;
    again = false;
    constructor(deps) {
        this.deps = deps;
    }
    /** Sends everything due now; overlapping calls coalesce. Resolves with the attempts made. */
    deliverDue() {
        if (this.running) {
            this.again = true;
            return this.running;
        }
        this.running = this.loop().finally(() => (this.running = null));
        return this.running;
    }
    async loop() {
        let attempts = 0;
        do {
            this.again = false;
            for (;;) {
                const now = this.deps.clock.now();
                const leaseUntil = new Date(now + this.deps.timeoutMs + 5_000).toISOString();
                const due = await this.deps.deliveries.claimDue(new Date(now).toISOString(), leaseUntil, BATCH);
                if (due.length === 0)
                    break;
                for (const delivery of due) {
                    await this.attempt(delivery);
                    attempts += 1;
                }
            }
        } while (this.again);
        return attempts;
    }
    async attempt(d) {
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
            if (verdict === 'delivered')
                await this.finish(d, made, 'delivered', status, null);
            else
                await this.failedAttempt(d, made, status, `HTTP ${status}${excerpt ? `: ${excerpt}` : ''}`, verdict === 'retry');
        }
        catch (err) {
            await this.failedAttempt(d, made, null, describe(err), true);
        }
    }
    async failedAttempt(d, made, status, error, retryable) {
        if (retryable && made < this.deps.maxAttempts) {
            const next = new Date(this.deps.clock.now() + webhookRetryDelayMs(this.deps.backoffMs, made)).toISOString();
            await this.deps.deliveries.record(d.id, { status: 'pending', attempts: made, lastStatusCode: status, lastError: error.slice(0, ERROR_CHARS), nextAttemptAt: next, deliveredAt: null });
            this.deps.logger.warn({ deliveryId: d.id, alertId: d.alertId, target: d.target, attempt: made, status, error }, 'alert webhook failed; will retry');
            return;
        }
        await this.finish(d, made, 'failed', status, error);
    }
    async finish(d, made, status, code, error) {
        const delivered = status === 'delivered';
        await this.deps.deliveries.record(d.id, {
            status,
            attempts: made,
            lastStatusCode: code,
            lastError: error === null ? null : error.slice(0, ERROR_CHARS),
            nextAttemptAt: null,
            deliveredAt: delivered ? this.deps.clock.isoNow() : null,
        });
        if (!delivered)
            this.deps.logger.error({ deliveryId: d.id, alertId: d.alertId, target: d.target, attempts: made, status: code, error }, 'alert webhook gave up');
    }
}
/** The reason of a failed request, without the URL (fetch errors quote it in their cause). */
function describe(err) {
    if (err instanceof Error) {
        if (err.name === 'TimeoutError' || err.name === 'AbortError')
            return 'timed out';
        const cause = err.cause;
        return typeof cause?.code === 'string' ? `${err.message} (${cause.code})` : err.message;
    }
    return String(err);
}
//# sourceMappingURL=webhook-delivery.js.map