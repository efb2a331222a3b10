/**
 * AlertRepository over the store (table alerts, migration 0010). `active_key` is unique: opening
 * an alert whose condition already has one is `ON CONFLICT DO NOTHING`, so racing evaluators open
 * it once. Status changes are conditional writes.
 */
import type { Alert, AlertKind, AlertStatus } from '@dash/shared';
import type { Kysely } from 'kysely';
import type { AlertRepository, NewAlert } from '../../ports/alert-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyAlertRepository implements AlertRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    open(a: NewAlert): Promise<Alert | null>;
    active(): Promise<Alert[]>;
    seen(id: string, at: string): Promise<void>;
    clear(id: string, at: string): Promise<Alert | null>;
    resolve(id: string, by: string, at: string): Promise<Alert | null>;
    get(id: string): Promise<Alert | null>;
    list(filter: {
        status?: AlertStatus;
        kind?: AlertKind;
        limit: number;
    }): Promise<Alert[]>;
}
