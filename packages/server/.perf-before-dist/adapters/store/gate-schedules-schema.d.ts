/** Tables of migration 0012 (dispatch pauses, schedules), merged into StoreDatabase in schema.ts. */
export interface DispatchPausesTable {
    scope: string;
    runtime: string;
    reason: string;
    until: string;
    /** 1 = the agent reported the reset time, 0 = the configured backoff. */
    reported_reset: number;
    run_id: string | null;
    task_id: string | null;
    created_at: string;
}
export interface SchedulesTable {
    id: string;
    name: string;
    cron: string;
    timezone: string;
    missed_run_policy: string;
    enabled: number;
    /** JSON of the ScheduleTarget. */
    target: string;
    next_run_at: string | null;
    last_run_at: string | null;
    last_result: string | null;
    last_error: string | null;
    created_at: string;
    updated_at: string;
}
/** One row per notification sent (its key): the first replica to insert it sends it. */
export interface NotificationKeysTable {
    key: string;
    created_at: string;
}
export interface GateScheduleTables {
    dispatch_pauses: DispatchPausesTable;
    schedules: SchedulesTable;
    notification_keys: NotificationKeysTable;
}
