/**
 * Who a task may be given to: an employee in the registry (not retired) that is active or paused.
 * A paused employee keeps its explicit tasks until it is active again; an offline one receives no
 * work at all, so asking for it is refused up front rather than left waiting forever.
 */
import { AppError } from '../../domain/app-error.js';
export async function assertAssignable(employees, employeeId, path) {
    const stored = await employees.get(employeeId);
    if (stored === null || stored.retiredAt !== null) {
        throw new AppError('VALIDATION_FAILED', {
            message: `Employee ${employeeId} does not exist`,
            fields: [{ path, message: `no employee ${employeeId} in the registry` }],
        });
    }
    if (stored.employee.status === 'offline') {
        throw new AppError('VALIDATION_FAILED', {
            message: `Employee ${employeeId} is offline`,
            fields: [{ path, message: `employee ${employeeId} is offline and takes no work` }],
        });
    }
}
//# sourceMappingURL=assignee-check.js.map