/**
 * AlertDeliveryRepository over the store (table alert_deliveries, migration 0010); same SQL on both
 * dialects. A claim is a conditional update per row (pending, due, lease free or run out), so two
 * senders never hold the same delivery. `record` is conditional on the caller's lease, so a sender
 * whose lease ran out cannot overwrite what the sender that took over recorded.
 *
 * The lease is fenced by (lease_until, attempts) as claimed, without a token column: a takeover
 * needs lease_until < now and sets a lease later than now, so it always differs from the lease it
 * replaced; and every recorded attempt raises `attempts`, so a lease claimed again after the
 * taker recorded cannot match the late sender's either, whatever the replicas' clocks say.
 */
import type { AlertDelivery, AlertDeliveryStatus } from '@dash/shared';
import type { Kysely, Selectable } from 'kysely';
import type { AlertDeliveryRepository, DeliveryAttempt, DeliveryLease, LeasedDelivery, NewDelivery, StoredDelivery } from '../../ports/alert-delivery-repository.js';
import type { AlertDeliveriesTable } from './bridge-schema.js';
import { claimDueRows, recordLeasedAttempt } from './outbox-lease-sql.js';
import type { StoreDatabase } from './schema.js';

const toDelivery = (r: Selectable<AlertDeliveriesTable>): StoredDelivery => ({
  id: r.id,
  alertId: r.alert_id,
  event: r.event,
  targetId: r.target_id,
  target: r.target,
  status: r.status,
  attempts: Number(r.attempts),
  lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
  lastError: r.last_error,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

const publicView = ({ targetId: _targetId, ...view }: StoredDelivery): AlertDelivery => view;

export class KyselyAlertDeliveryRepository implements AlertDeliveryRepository {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  async add(deliveries: readonly NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.db
      .insertInto('alert_deliveries')
      .values(
        deliveries.map((d) => ({
          id: d.id,
          alert_id: d.alertId,
          event: d.event,
          target_id: d.targetId,
          target: d.target,
          status: 'pending' as const,
          attempts: 0,
          last_status_code: null,
          last_error: null,
          next_attempt_at: d.createdAt,
          lease_until: null,
          created_at: d.createdAt,
          delivered_at: null,
        })),
      )
      .execute();
  }

  async claimDue(now: string, leaseUntil: string, limit: number): Promise<LeasedDelivery[]> {
    const rows = await claimDueRows(this.db, 'alert_deliveries', now, leaseUntil, limit);
    return rows.map((row) => ({ ...toDelivery(row), leaseUntil }));
  }

  record(lease: DeliveryLease, a: DeliveryAttempt): Promise<boolean> {
    return recordLeasedAttempt(this.db, 'alert_deliveries', lease, a);
  }

  async list(filter: { status?: AlertDeliveryStatus; alertId?: string; limit: number }): Promise<AlertDelivery[]> {
    let query = this.db.selectFrom('alert_deliveries').selectAll();
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.alertId !== undefined) query = query.where('alert_id', '=', filter.alertId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map((r) => publicView(toDelivery(r)));
  }
}
