/** The API view of a stored employee: the record plus derived workload and measured stats. */
import { employeeRoleLabels, type EmployeeStats, type EmployeeView } from '@dash/shared';
import type { StoredEmployee } from '../../ports/employee-repository.js';
import { computeWorkload } from './workload.js';

export function toEmployeeView(stored: StoredEmployee, slotsUsed: number, stats: EmployeeStats | null): EmployeeView {
  const e = stored.employee;
  return {
    ...e,
    roleLabel: employeeRoleLabels[e.role],
    source: stored.source,
    updatedAt: stored.updatedAt,
    workload: computeWorkload(e.maxConcurrentTasks, slotsUsed),
    stats,
  };
}
