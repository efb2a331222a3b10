/**
 * Notification webhooks: the transitions that need a human (shared notifications.ts: a task
 * failed or completed for review, a question, a tool or workflow-step approval) are POSTed to
 * every NOTIFY_WEBHOOK_URLS target, never other events.
 *
 *  - heard on the bus (`tasks`, `input-requests`, `workflows`); with the Redis bus every replica
 *    hears every message, so the notification's key is claimed in the store first and only the
 *    replica that claimed it sends (once per transition, across replicas and repeats);
 *  - signed like the alert webhooks (services/bridge/alerts/webhook-signature.ts):
 *    `x-dashboard-timestamp`, `x-dashboard-signature: sha256=<HMAC of "<ts>.<body>">` with
 *    NOTIFY_WEBHOOK_SECRET (else ALERT_WEBHOOK_SECRET; unsigned when neither is set), plus
 *    `x-dashboard-event: notification.<event>` and `x-dashboard-delivery: <key>`;
 *  - retried with exponential backoff (ALERT_WEBHOOK_BACKOFF, ALERT_WEBHOOK_MAX_ATTEMPTS) on
 *    network errors, 408/425/429 and 5xx; other statuses are final. Retries live in this process:
 *    a restart drops the ones pending (logged).
 */
import { notificationFor } from '@dash/shared';
import { deliveryVerdict, webhookRetryDelayMs } from '../../domain/bridge/retry-delay.js';
import { signWebhook } from '../bridge/alerts/webhook-signature.js';
export const NOTIFICATION_TOPICS = ['tasks', 'input-requests', 'workflows'];
/** Keys are kept this long (a transition repeated later than this would be sent again). */
const KEY_RETENTION_MS = 7 * 24 * 3_600_000;
export class NotificationWebhooks {
    deps;
    #unsubscribes = [];
    #work = new Set();
    #timers = new Set();
    #stopped = false;
    constructor(deps) {
        this.deps = deps;
    }
    start() {
        this.#stopped = false;
        for (const topic of NOTIFICATION_TOPICS) {
            this.#unsubscribes.push(this.deps.bus.subscribe(topic, (payload) => this.heard(topic, payload)));
        }
        void this.deps.log.prune(new Date(this.deps.clock.now() - KEY_RETENTION_MS).toISOString()).catch(() => undefined);
    }
    /** Stops listening, drops pending retries, waits for requests in flight. */
    async stop() {
        this.#stopped = true;
        for (const unsubscribe of this.#unsubscribes.splice(0))
            unsubscribe();
        if (this.#timers.size > 0)
            this.deps.logger.warn({ pending: this.#timers.size }, 'notification webhook retries dropped at shutdown');
        for (const timer of this.#timers)
            clearTimeout(timer);
        this.#timers.clear();
        await Promise.all([...this.#work]);
    }
    /** Resolves when nothing is being sent (tests). */
    async idle() {
        while (this.#work.size > 0)
            await Promise.all([...this.#work]);
    }
    heard(topic, payload) {
        const note = notificationFor(topic, payload);
        if (note === null || this.#stopped)
            return;
        this.track(this.claimAndSend(note));
    }
    async claimAndSend(note) {
        const sentAt = this.deps.clock.isoNow();
        if (!(await this.deps.log.claim(note.key, sentAt)))
            return;
        const body = JSON.stringify({ ...note, sentAt });
        await Promise.all(this.deps.targets.map((target) => this.attempt(target, note, body, 1)));
    }
    async attempt(target, note, body, attempt) {
        if (this.#stopped)
            return;
        const timestamp = Math.floor(this.deps.clock.now() / 1000);
        const headers = {
            'content-type': 'application/json',
            'user-agent': 'multi-agent-dashboard-notifications',
            'x-dashboard-event': `notification.${note.event}`,
            'x-dashboard-delivery': note.key,
            'x-dashboard-timestamp': String(timestamp),
            ...(this.deps.signingSecret !== null && { 'x-dashboard-signature': signWebhook(this.deps.signingSecret, timestamp, body) }),
        };
        let retry;
        let why;
        try {
            const { status, excerpt } = await this.deps.sender.post(target.secretUrl, body, headers, this.deps.timeoutMs);
            const verdict = deliveryVerdict(status);
            if (verdict === 'delivered') {
                this.deps.logger.info({ key: note.key, event: note.event, target: target.origin, attempt }, 'notification delivered');
                return;
            }
            retry = verdict === 'retry';
            why = `HTTP ${status}${excerpt ? `: ${excerpt}` : ''}`;
        }
        catch (err) {
            retry = true;
            why = err instanceof Error ? err.message : String(err);
        }
        if (!retry || attempt >= this.deps.maxAttempts) {
            this.deps.logger.warn({ key: note.key, target: target.origin, attempt, error: why }, 'notification webhook failed for good');
            return;
        }
        const delay = webhookRetryDelayMs(this.deps.backoffMs, attempt);
        this.deps.logger.warn({ key: note.key, target: target.origin, attempt, error: why, retryInMs: delay }, 'notification webhook failed; will retry');
        const timer = setTimeout(() => {
            this.#timers.delete(timer);
            this.track(this.attempt(target, note, body, attempt + 1));
        }, delay);
        timer.unref();
        this.#timers.add(timer);
    }
    track(work) {
        const tracked = work
            .catch((err) => this.deps.logger.error({ err }, 'sending a notification failed'))
            .finally(() => this.#work.delete(tracked));
        this.#work.add(tracked);
    }
}
//# sourceMappingURL=notification-webhooks.js.map