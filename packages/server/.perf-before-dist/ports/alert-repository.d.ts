/**
 * Alerts as stored. De-duplication lives in the store: a row's `activeKey` is its key while the
 * condition lasts, and an active key is unique, so only one alert per condition episode exists
 * however many evaluators race.
 */
import type { Alert, AlertStatus, AlertKind } from '@dash/shared';
export type NewAlert = Omit<Alert, 'status' | 'occurrences' | 'resolvedAt' | 'resolvedBy' | 'lastSeenAt'>;
export interface AlertRepository {
    /** Opens an alert; null when an alert with the same active key exists (nothing written). */
    open(alert: NewAlert): Promise<Alert | null>;
    /** Alerts whose condition was last seen holding (open, or resolved by hand while it held). */
    active(): Promise<Alert[]>;
    /** The condition still holds: stamps lastSeenAt (and counts an occurrence while open). */
    seen(id: string, at: string): Promise<void>;
    /**
     * The condition cleared: the key is freed; an open alert is resolved by `auto`. Returns the
     * alert when it was open (so its resolution is delivered), else null.
     */
    clear(id: string, at: string): Promise<Alert | null>;
    /** open → resolved by a person; null when it was not open. The key stays taken until it clears. */
    resolve(id: string, by: string, at: string): Promise<Alert | null>;
    get(id: string): Promise<Alert | null>;
    /** Newest first. */
    list(filter: {
        status?: AlertStatus;
        kind?: AlertKind;
        limit: number;
    }): Promise<Alert[]>;
}
