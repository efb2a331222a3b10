/** Looks up the employee a memory request acts as: 404 NOT_FOUND for an unknown or retired one. */
import { AppError } from '../../domain/app-error.js';
export async function requireMember(members, employeeId) {
    const member = await members.get(employeeId);
    if (member === null)
        throw new AppError('NOT_FOUND', { message: `Employee ${employeeId} not found`, details: { employeeId } });
    return member;
}
//# sourceMappingURL=memory-members.js.map