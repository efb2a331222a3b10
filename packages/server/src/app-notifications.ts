/**
 * Composition of notification webhooks (part of the composition root, beside app.ts): with
 * NOTIFY_WEBHOOK_URLS set, the transitions that need a human are POSTed to them
 * (services/notifications/notification-webhooks.ts); each is claimed in the store first, so one
 * replica sends it, and its deliveries are kept there (the outbox), so retries survive a restart.
 * Every replica with targets sends due retries; the store's leases keep each attempt to one.
 */
import { FetchWebhookSender } from './adapters/webhook/fetch-webhook-sender.js';
import { KyselyNotificationOutbox } from './adapters/store/kysely-notification-outbox.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import { systemClock } from './ports/clock.js';
import type { EventBus } from './ports/event-bus.js';
import type { Store } from './ports/store.js';
import { NotificationWebhooks } from './services/notifications/notification-webhooks.js';

export function registerNotifications(ctx: { config: Config; logger: Logger; lifecycle: Lifecycle; bus: EventBus; store: () => Store }): void {
  const n = ctx.config.notifications;
  if (n.targets.length === 0) return;
  let hooks: NotificationWebhooks | null = null;
  ctx.lifecycle.register({
    name: 'notifications',
    start() {
      hooks = new NotificationWebhooks({
        bus: ctx.bus,
        outbox: new KyselyNotificationOutbox(storeDatabaseOf(ctx.store()).db),
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
