/**
 * CronSchedule over `cron-parser` (5 fields `min hour dom month dow`, or 6 with seconds first;
 * aliases such as `@daily`), read in an IANA time zone, daylight-saving changes included.
 */
import { CronExpressionParser } from 'cron-parser';
/** Why `expression` in `timezone` is not a usable schedule, or null when it is. */
export function cronScheduleProblem(expression, timezone) {
    if (!isTimeZone(timezone))
        return `unknown time zone "${timezone}"`;
    try {
        CronExpressionParser.parse(expression, { tz: timezone, currentDate: new Date() }).next();
        return null;
    }
    catch (err) {
        return err instanceof Error ? err.message : String(err);
    }
}
/** Throws (with the reason) when the expression or the time zone is invalid. */
export function cronSchedule(expression, timezone) {
    const problem = cronScheduleProblem(expression, timezone);
    if (problem !== null)
        throw new Error(`invalid cron schedule "${expression}" (${timezone}): ${problem}`);
    return {
        expression,
        timezone,
        nextAfter(afterMs) {
            try {
                return CronExpressionParser.parse(expression, { tz: timezone, currentDate: new Date(afterMs) }).next().getTime();
            }
            catch {
                // cron-parser throws when no later date exists within its search window.
                return null;
            }
        },
    };
}
export function isTimeZone(timezone) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: timezone });
        return true;
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=cron-parser-schedule.js.map