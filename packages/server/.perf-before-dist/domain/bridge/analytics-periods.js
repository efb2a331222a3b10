/**
 * Periods of the analytics report: UTC days, or ISO weeks (Monday to Sunday, UTC), named by their
 * first day `YYYY-MM-DD`. The default range ends now and covers 7 days or 8 weeks.
 */
import { ANALYTICS_MAX_DAYS } from '@dash/shared';
import { AppError } from '../app-error.js';
const DAY_MS = 86_400_000;
const startOfUtcDay = (ms) => Math.floor(ms / DAY_MS) * DAY_MS;
/** Start (ms) of the period that contains `ms`. */
export function periodStart(ms, granularity) {
    const day = startOfUtcDay(ms);
    if (granularity === 'day')
        return day;
    const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
    return day - weekday * DAY_MS;
}
/** The period's name: its first day. */
export const periodOf = (iso, granularity) => new Date(periodStart(Date.parse(iso), granularity)).toISOString().slice(0, 10);
/** The requested range, defaulted and checked (VALIDATION_FAILED naming the field at fault). */
export function analyticsRange(query, nowMs) {
    const to = query.to === undefined ? nowMs : Date.parse(query.to);
    // This period and the ones before it: 7 days, or 8 weeks.
    const before = query.granularity === 'day' ? 6 * DAY_MS : 7 * 7 * DAY_MS;
    const from = query.from === undefined ? periodStart(to, query.granularity) - before : Date.parse(query.from);
    if (from >= to) {
        throw new AppError('VALIDATION_FAILED', { message: 'The range is empty', fields: [{ path: 'query.from', message: 'must be before `to`' }] });
    }
    if (to - from > ANALYTICS_MAX_DAYS * DAY_MS) {
        throw new AppError('VALIDATION_FAILED', {
            message: `The range is longer than ${ANALYTICS_MAX_DAYS} days`,
            fields: [{ path: 'query.from', message: `must be at most ${ANALYTICS_MAX_DAYS} days before \`to\`` }],
        });
    }
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
//# sourceMappingURL=analytics-periods.js.map