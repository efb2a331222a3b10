/**
 * Periods of the analytics report: UTC days, or ISO weeks (Monday to Sunday, UTC), named by their
 * first day `YYYY-MM-DD`. The default range ends now and covers 7 days or 8 weeks.
 */
import { type AnalyticsGranularity } from '@dash/shared';
/** Start (ms) of the period that contains `ms`. */
export declare function periodStart(ms: number, granularity: AnalyticsGranularity): number;
/** The period's name: its first day. */
export declare const periodOf: (iso: string, granularity: AnalyticsGranularity) => string;
export interface AnalyticsRange {
    from: string;
    to: string;
}
/** The requested range, defaulted and checked (VALIDATION_FAILED naming the field at fault). */
export declare function analyticsRange(query: {
    from?: string;
    to?: string;
    granularity: AnalyticsGranularity;
}, nowMs: number): AnalyticsRange;
