/**
 * The SQL both webhook outboxes share (alert_deliveries, notification_deliveries: the same
 * delivery columns and lease rules, same SQL on both dialects):
 *  - a claim is a conditional update per row (pending, due, lease free or run out), so two
 *    senders never hold the same delivery; the lease must end after `now`, or it would not differ
 *    from (and so not fence) the lease it replaces;
 *  - an attempt is recorded only while the caller still holds the lease it was given
 *    (`lease_until`, and `attempts` as claimed where the caller has it).
 */
import type { Kysely, Selectable } from 'kysely';
import type { StoreDatabase } from './schema.js';

type OutboxTable = 'alert_deliveries' | 'notification_deliveries';

/** The columns the two tables share, under one name, so one query serves both. */
interface OutboxColumns {
  id: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  lease_until: string | null;
  delivered_at: string | null;
}

const outbox = (db: Kysely<StoreDatabase>): Kysely<Record<OutboxTable, OutboxColumns>> => db as unknown as Kysely<Record<OutboxTable, OutboxColumns>>;

export interface OutboxAttempt {
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** Leases up to `limit` due deliveries of `table` until `leaseUntil`; returns their rows. */
export async function claimDueRows<T extends OutboxTable>(
  db: Kysely<StoreDatabase>,
  table: T,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<Selectable<StoreDatabase[T]>[]> {
  if (leaseUntil <= now) throw new Error(`claimDue: the lease (${leaseUntil}) must end after now (${now})`);
  const q = outbox(db);
  const due = await q
    .selectFrom(table as OutboxTable)
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const claimed: Selectable<StoreDatabase[T]>[] = [];
  for (const { id } of due) {
    // The same conditions again, atomically: another sender may have claimed it, or claimed,
    // sent and rescheduled it, since the select.
    const row = await q
      .updateTable(table as OutboxTable)
      .set({ lease_until: leaseUntil })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .returningAll()
      .executeTakeFirst();
    // `returning *`: the whole row of `table`, whose shared columns are the ones named above.
    if (row !== undefined) claimed.push(row as unknown as Selectable<StoreDatabase[T]>);
  }
  return claimed;
}

/** Records an attempt while the lease is still the caller's; false (nothing written) otherwise. */
export async function recordLeasedAttempt(
  db: Kysely<StoreDatabase>,
  table: OutboxTable,
  lease: { id: string; leaseUntil: string; attempts?: number },
  a: OutboxAttempt,
): Promise<boolean> {
  let update = outbox(db)
    .updateTable(table)
    .set({
      status: a.status,
      attempts: a.attempts,
      last_status_code: a.lastStatusCode,
      last_error: a.lastError,
      next_attempt_at: a.nextAttemptAt,
      delivered_at: a.deliveredAt,
      lease_until: null,
    })
    .where('id', '=', lease.id)
    .where('lease_until', '=', lease.leaseUntil);
  if (lease.attempts !== undefined) update = update.where('attempts', '=', lease.attempts);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
