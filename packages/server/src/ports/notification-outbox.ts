/**
 * The notification webhooks' outbox (the store). A notification's key is claimed together with one
 * delivery per target, in one transaction: a delivery exists exactly when its notification was
 * claimed, and is recorded before its first attempt. Senders hold a delivery under a lease (the
 * one that enqueued it, then whoever claims it when due), so replicas never send the same attempt
 * at once; a lease that runs out (a crashed sender) lets another sender take it over.
 */
import type { NotificationEvent } from '@dash/shared';

export type NotificationDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface NewNotificationDelivery {
  /** Unique per notification and target. */
  id: string;
  /** The notification's key (`x-dashboard-delivery`). */
  key: string;
  event: NotificationEvent;
  /** webhookTargetId(url): the URL itself stays in the configuration. */
  targetId: string;
  /** The URL's origin, for logs. */
  target: string;
  /** The exact JSON text POSTed on every attempt. */
  body: string;
  /** ISO 8601; also the first attempt's time. */
  createdAt: string;
}

/** A delivery held by the caller until `leaseUntil` (ISO 8601), which `record` must be given back. */
export interface LeasedNotificationDelivery extends NewNotificationDelivery {
  status: NotificationDeliveryStatus;
  /** Attempts made so far. */
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  leaseUntil: string;
}

export interface NotificationAttempt {
  status: NotificationDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  /** When the next attempt is due (status pending), else null. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface NotificationOutbox {
  /**
   * Claims `key` (once per key, across replicas and repeats) and, when this call claimed it,
   * records `deliveries` as pending and leased to the caller until `leaseUntil`. Returns them;
   * empty when the key had been claimed before (nothing recorded).
   */
  enqueue(key: string, atIso: string, deliveries: readonly NewNotificationDelivery[], leaseUntil: string): Promise<LeasedNotificationDelivery[]>;
  /** Claims up to `limit` pending deliveries due at `now` whose lease is free or ran out. */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<LeasedNotificationDelivery[]>;
  /**
   * Records an attempt and releases the lease, if the caller still holds it (the lease it was given).
   * False when the lease ran out and another sender took the delivery (nothing recorded).
   */
  record(id: string, leaseUntil: string, attempt: NotificationAttempt): Promise<boolean>;
  /** Forgets keys, and deliveries no longer pending, recorded before `beforeIso`. */
  prune(beforeIso: string): Promise<number>;
}
