/**
 * A recurring schedule (a cron expression in a time zone), as the Scheduler sees it: only "when
 * is the next fire time". Parsing lives in an adapter (adapters/cron).
 */
export interface CronSchedule {
    /** The expression as configured, e.g. `0 2 * * *` (5 fields, or 6 with seconds first). */
    readonly expression: string;
    /** IANA time zone the expression is read in, e.g. `UTC` or `Europe/Berlin`. */
    readonly timezone: string;
    /** The first fire time strictly after `afterMs` (epoch ms); null when it never fires again. */
    nextAfter(afterMs: number): number | null;
}
