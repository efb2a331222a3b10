/**
 * The memory permission model (the origin's, now enforced):
 *  - an employee reads and writes their own memories, whatever their scope;
 *  - `department` memories are read by the members of the department they were written in, and
 *    `company` memories by everyone;
 *  - the leadership roles (project manager, technical lead, QA director) read the department
 *    memories of every department (the origin's "limited read" across departments);
 *  - sharing (writing or editing a `department` or `company` memory) is reserved to department
 *    heads and the leadership roles; a head shares with their own department only.
 *
 * Memories live in "partitions" named after who may read them (`emp:<id>`, `dept:<id>`,
 * `company`), so a search only scans what the asker may read.
 */
import { departmentIds } from '@dash/shared';
export const LEADERSHIP_ROLES = new Set(['project_manager', 'technical_lead', 'qa_director']);
export const isLeadership = (member) => LEADERSHIP_ROLES.has(member.role);
const canShare = (member) => member.isDepartmentHead || isLeadership(member);
export function partitionOf(memory) {
    switch (memory.scope) {
        case 'private':
            return `emp:${memory.employeeId}`;
        case 'department':
            return `dept:${memory.department}`;
        case 'company':
            return 'company';
    }
}
/** The partitions `member` may read, optionally narrowed to some scopes. */
export function readablePartitions(member, scopes) {
    const wanted = new Set(scopes ?? ['private', 'department', 'company']);
    const out = [];
    if (wanted.has('private'))
        out.push(`emp:${member.id}`);
    if (wanted.has('department')) {
        const departments = isLeadership(member) ? departmentIds : [member.department];
        for (const d of departments)
            out.push(`dept:${d}`);
    }
    if (wanted.has('company'))
        out.push('company');
    return out;
}
export function canRead(member, memory) {
    if (memory.employeeId === member.id)
        return true;
    switch (memory.scope) {
        case 'private':
            return false;
        case 'department':
            return memory.department === member.department || isLeadership(member);
        case 'company':
            return true;
    }
}
/** May `member` store a new memory of their own with this scope? */
export function canCreate(member, scope) {
    return scope === 'private' || canShare(member);
}
/**
 * May `member` edit, archive, restore or delete `memory`? Owners may always manage their own
 * memories; shared ones may also be managed by leadership, and a department's memories by its head.
 */
export function canModify(member, memory) {
    if (memory.employeeId === member.id)
        return true;
    switch (memory.scope) {
        case 'private':
            return false;
        case 'department':
            return isLeadership(member) || (member.isDepartmentHead && member.department === memory.department);
        case 'company':
            return isLeadership(member);
    }
}
/** May `member` move `memory` to `scope` (an edit of a memory they may modify)? */
export function canRescope(member, memory, scope) {
    if (scope === memory.scope)
        return true;
    return scope === 'private' ? memory.employeeId === member.id || canShare(member) : canShare(member);
}
//# sourceMappingURL=memory-access.js.map