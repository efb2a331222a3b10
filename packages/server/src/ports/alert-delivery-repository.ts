/**
 * The webhook outbox: one delivery per alert event and webhook. Senders claim due deliveries under
 * a lease, so replicas never send the same attempt at once; a lease that runs out (a crashed or
 * stalled sender) lets another sender take the delivery over, and the sender whose lease was taken
 * can no longer record its outcome.
 */
import type { AlertDelivery, AlertDeliveryEvent, AlertDeliveryStatus } from '@dash/shared';

export interface StoredDelivery extends AlertDelivery {
  targetId: string;
}

/**
 * A delivery held by the caller until `leaseUntil` (ISO 8601). The lease is identified by
 * `leaseUntil` together with `attempts` (both as claimed): give them back to `record`.
 */
export interface LeasedDelivery extends StoredDelivery {
  leaseUntil: string;
}

/** What `record` checks the caller still holds. */
export type DeliveryLease = Pick<LeasedDelivery, 'id' | 'leaseUntil' | 'attempts'>;

export interface NewDelivery {
  id: string;
  alertId: string;
  event: AlertDeliveryEvent;
  targetId: string;
  target: string;
  /** ISO 8601; also the first attempt's time. */
  createdAt: string;
}

export interface DeliveryAttempt {
  status: AlertDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  /** When the next attempt is due (status pending), else null. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface AlertDeliveryRepository {
  add(deliveries: readonly NewDelivery[]): Promise<void>;
  /**
   * Claims up to `limit` deliveries that are pending, due at `now` (nextAttemptAt <= now) and not
   * held (no lease, or one that ran out before `now`), leased to the caller until `leaseUntil`,
   * which must be later than `now`. Each is claimed atomically on all three conditions, so a
   * delivery another sender claimed, or claimed and rescheduled, meanwhile is left out.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<LeasedDelivery[]>;
  /**
   * Records an attempt and releases the lease, if the caller still holds `lease` (the one it was
   * given). False, recording nothing, when the lease ran out and another sender took the delivery
   * over (whether or not that one has recorded since).
   */
  record(lease: DeliveryLease, attempt: DeliveryAttempt): Promise<boolean>;
  /** Newest first. */
  list(filter: { status?: AlertDeliveryStatus; alertId?: string; limit: number }): Promise<AlertDelivery[]>;
}
