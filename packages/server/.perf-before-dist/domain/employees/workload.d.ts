/**
 * Capacity is a number of slots (`maxConcurrentTasks`). The slots in use come from live runs at
 * read time; the percentage is derived from the two and never stored, so there is one scale only.
 */
import type { EmployeeWorkload } from '@dash/shared';
export declare function computeWorkload(slotsMax: number, slotsUsed: number): EmployeeWorkload;
/** True while the employee may take more work: active and with a free slot. */
export declare const hasFreeSlot: (status: string, workload: EmployeeWorkload) => boolean;
