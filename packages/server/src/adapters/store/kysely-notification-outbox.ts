/**
 * NotificationOutbox over the store (notification_keys of migration 0012, notification_deliveries of
 * 0016); same SQL on both dialects. `enqueue` claims the key and inserts the deliveries in one
 * transaction. A claim is a conditional update per row (pending, due, lease free or run out), so
 * two senders never hold the same delivery; `record` is conditional on the caller's lease, so a
 * sender whose lease ran out cannot overwrite what the sender that took over recorded.
 */
import type { Kysely, Selectable } from 'kysely';
import type { LeasedNotificationDelivery, NewNotificationDelivery, NotificationAttempt, NotificationOutbox } from '../../ports/notification-outbox.js';
import { KyselyNotificationLog } from './kysely-notification-log.js';
import type { NotificationDeliveriesTable } from './notification-deliveries-schema.js';
import { claimDueRows, recordLeasedAttempt } from './outbox-lease-sql.js';
import type { StoreDatabase } from './schema.js';

const toDelivery = (r: Selectable<NotificationDeliveriesTable>, leaseUntil: string): LeasedNotificationDelivery => ({
  id: r.id,
  key: r.key,
  event: r.event,
  targetId: r.target_id,
  target: r.target,
  body: r.body,
  status: r.status,
  attempts: Number(r.attempts),
  lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
  lastError: r.last_error,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
  leaseUntil,
});

export class KyselyNotificationOutbox implements NotificationOutbox {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  enqueue(key: string, atIso: string, deliveries: readonly NewNotificationDelivery[], leaseUntil: string): Promise<LeasedNotificationDelivery[]> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await new KyselyNotificationLog(trx).claim(key, atIso))) return [];
      if (deliveries.length === 0) return [];
      const rows = await trx
        .insertInto('notification_deliveries')
        .values(
          deliveries.map((d) => ({
            id: d.id,
            key: d.key,
            event: d.event,
            target_id: d.targetId,
            target: d.target,
            body: d.body,
            status: 'pending' as const,
            attempts: 0,
            last_status_code: null,
            last_error: null,
            next_attempt_at: d.createdAt,
            lease_until: leaseUntil,
            created_at: d.createdAt,
            delivered_at: null,
          })),
        )
        .returningAll()
        .execute();
      return rows.map((r) => toDelivery(r, leaseUntil));
    });
  }

  async claimDue(now: string, leaseUntil: string, limit: number): Promise<LeasedNotificationDelivery[]> {
    const rows = await claimDueRows(this.db, 'notification_deliveries', now, leaseUntil, limit);
    return rows.map((row) => toDelivery(row, leaseUntil));
  }

  record(id: string, leaseUntil: string, a: NotificationAttempt): Promise<boolean> {
    return recordLeasedAttempt(this.db, 'notification_deliveries', { id, leaseUntil }, a);
  }

  async prune(beforeIso: string): Promise<number> {
    const keys = await new KyselyNotificationLog(this.db).prune(beforeIso);
    const result = await this.db
      .deleteFrom('notification_deliveries')
      .where('status', '!=', 'pending')
      .where('created_at', '<', beforeIso)
      .executeTakeFirst();
    return keys + Number(result.numDeletedRows);
  }
}
