/**
 * Capacity is a number of slots (`maxConcurrentTasks`). The slots in use come from live runs at
 * read time; the percentage is derived from the two and never stored, so there is one scale only.
 */
import type { EmployeeWorkload } from '@dash/shared';

export function computeWorkload(slotsMax: number, slotsUsed: number): EmployeeWorkload {
  const max = Math.max(1, Math.floor(slotsMax));
  const used = Number.isFinite(slotsUsed) ? Math.max(0, Math.floor(slotsUsed)) : 0;
  return {
    slotsMax: max,
    slotsUsed: used,
    slotsFree: Math.max(0, max - used),
    workloadPercent: Math.min(100, Math.round((used / max) * 100)),
  };
}

/** True while the employee may take more work: active and with a free slot. */
export const hasFreeSlot = (status: string, workload: EmployeeWorkload): boolean =>
  status === 'active' && workload.slotsFree > 0;
