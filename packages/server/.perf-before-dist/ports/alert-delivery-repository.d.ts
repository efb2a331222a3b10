/**
 * The webhook outbox: one delivery per alert event and webhook. Senders claim due deliveries under
 * a lease, so replicas never send the same attempt twice at once.
 */
import type { AlertDelivery, AlertDeliveryEvent, AlertDeliveryStatus } from '@dash/shared';
export interface StoredDelivery extends AlertDelivery {
    targetId: string;
}
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
    nextAttemptAt: string | null;
    deliveredAt: string | null;
}
export interface AlertDeliveryRepository {
    add(deliveries: readonly NewDelivery[]): Promise<void>;
    /** Claims up to `limit` pending deliveries due at `now`, leased until `leaseUntil`. */
    claimDue(now: string, leaseUntil: string, limit: number): Promise<StoredDelivery[]>;
    /** Records an attempt and releases the lease. */
    record(id: string, attempt: DeliveryAttempt): Promise<void>;
    /** Newest first. */
    list(filter: {
        status?: AlertDeliveryStatus;
        alertId?: string;
        limit: number;
    }): Promise<AlertDelivery[]>;
}
