/** The API view of a stored employee: the record plus derived workload and measured stats. */
import { employeeRoleLabels } from '@dash/shared';
import { computeWorkload } from './workload.js';
export function toEmployeeView(stored, slotsUsed, stats) {
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
//# sourceMappingURL=employee-view.js.map