/** Schedules in the store (every replica sees the same; one of them fires them). */
import type { Schedule } from '@dash/shared';
export interface ScheduleFire {
    /** The fire's due time that was handled (the row is updated only if next_run_at still equals it). */
    dueAt: string;
    nextRunAt: string | null;
    /** Unchanged (the previous value) when the fire was skipped. */
    lastRunAt: string | null;
    lastResult: string | null;
    lastError: string | null;
}
export interface ScheduleRepository {
    insert(schedule: Schedule): Promise<void>;
    get(id: string): Promise<Schedule | null>;
    list(): Promise<Schedule[]>;
    /** Replaces the row; false when it does not exist. */
    update(schedule: Schedule): Promise<boolean>;
    delete(id: string): Promise<boolean>;
    /** Enabled schedules whose next_run_at is at or before `nowIso`, oldest first. */
    due(nowIso: string, limit: number): Promise<Schedule[]>;
    /**
     * Records a fire: conditional on next_run_at still being `fire.dueAt`, so a fire is recorded
     * (and acted on) once even if two processes raced. True when this call recorded it.
     */
    claimFire(id: string, fire: Omit<ScheduleFire, 'lastResult' | 'lastError'>): Promise<boolean>;
    /** The outcome of a claimed fire. */
    recordOutcome(id: string, lastResult: string | null, lastError: string | null): Promise<void>;
}
