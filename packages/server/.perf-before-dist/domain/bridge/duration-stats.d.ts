/** Count, mean and nearest-rank percentiles of durations in seconds; nulls when there are none. */
import type { DurationStats } from '@dash/shared';
export declare function durationStats(seconds: readonly number[]): DurationStats;
