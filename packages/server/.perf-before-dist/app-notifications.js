/**
 * Composition of notification webhooks (part of the composition root, beside app.ts): with
 * NOTIFY_WEBHOOK_URLS set, the transitions that need a human are POSTed to them
 * (services/notifications/notification-webhooks.ts); each is claimed in the store first, so one
 * replica sends it.
 */
import { FetchWebhookSender } from './adapters/webhook/fetch-webhook-sender.js';
import { KyselyNotificationLog } from './adapters/store/kysely-notification-log.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { systemClock } from './ports/clock.js';
import { NotificationWebhooks } from './services/notifications/notification-webhooks.js';
export function registerNotifications(ctx) {
    const n = ctx.config.notifications;
    if (n.targets.length === 0)
        return;
    let hooks = null;
    ctx.lifecycle.register({
        name: 'notifications',
        start() {
            hooks = new NotificationWebhooks({
                bus: ctx.bus,
                log: new KyselyNotificationLog(storeDatabaseOf(ctx.store()).db),
                sender: new FetchWebhookSender(),
                targets: n.targets,
                signingSecret: n.signingSecret,
                maxAttempts: n.maxAttempts,
                backoffMs: n.backoffMs,
                timeoutMs: n.timeoutMs,
                clock: systemClock,
                logger: ctx.logger.child({ component: 'notifications' }),
            });
            hooks.start();
        },
        async stop() {
            await hooks?.stop();
            hooks = null;
        },
    });
}
//# sourceMappingURL=app-notifications.js.map