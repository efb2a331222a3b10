import type { CronSchedule } from '../../ports/cron-schedule.js';
/** Why `expression` in `timezone` is not a usable schedule, or null when it is. */
export declare function cronScheduleProblem(expression: string, timezone: string): string | null;
/** Throws (with the reason) when the expression or the time zone is invalid. */
export declare function cronSchedule(expression: string, timezone: string): CronSchedule;
export declare function isTimeZone(timezone: string): boolean;
