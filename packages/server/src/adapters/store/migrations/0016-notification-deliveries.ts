/**
 * 0016: the notification webhooks' outbox (services/notifications/notification-webhooks.ts): one
 * row per notification and NOTIFY_WEBHOOK_URLS target, written in the same transaction as the
 * notification's key (notification_keys, 0012), with its attempts, so retries survive a restart.
 * Same DDL on both dialects; timestamps are ISO text, `body` the exact JSON text that is POSTed.
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';

export const migration0016NotificationDeliveries = (_dialect: StoreDialect): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('notification_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('next_attempt_at', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .execute();
    await db.schema.createIndex('notification_deliveries_due_idx').on('notification_deliveries').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('notification_deliveries_created_idx').on('notification_deliveries').columns(['created_at', 'id']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('notification_deliveries').execute();
  },
});
