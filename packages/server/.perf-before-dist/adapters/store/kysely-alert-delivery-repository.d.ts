/**
 * AlertDeliveryRepository over the store (table alert_deliveries, migration 0010). A claim is a
 * conditional update per row (pending, due, lease free or run out), so two senders never hold the
 * same delivery; `record` clears the lease.
 */
import type { AlertDelivery, AlertDeliveryStatus } from '@dash/shared';
import type { Kysely } from 'kysely';
import type { AlertDeliveryRepository, DeliveryAttempt, NewDelivery, StoredDelivery } from '../../ports/alert-delivery-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyAlertDeliveryRepository implements AlertDeliveryRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    add(deliveries: readonly NewDelivery[]): Promise<void>;
    claimDue(now: string, leaseUntil: string, limit: number): Promise<StoredDelivery[]>;
    record(id: string, a: DeliveryAttempt): Promise<void>;
    list(filter: {
        status?: AlertDeliveryStatus;
        alertId?: string;
        limit: number;
    }): Promise<AlertDelivery[]>;
}
