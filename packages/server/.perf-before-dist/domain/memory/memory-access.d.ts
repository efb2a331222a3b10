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
import { type DepartmentId, type EmployeeRole, type MemoryScope } from '@dash/shared';
export declare const LEADERSHIP_ROLES: ReadonlySet<EmployeeRole>;
/** An employee as the memory service sees them. */
export interface MemoryMember {
    id: string;
    role: EmployeeRole;
    department: DepartmentId;
    /** Head of their department (from the registry's departments). */
    isDepartmentHead: boolean;
}
/** What the permission checks need to know about a stored memory. */
export interface MemoryOwnership {
    employeeId: string;
    scope: MemoryScope;
    department: string;
}
export declare const isLeadership: (member: MemoryMember) => boolean;
export declare function partitionOf(memory: MemoryOwnership): string;
/** The partitions `member` may read, optionally narrowed to some scopes. */
export declare function readablePartitions(member: MemoryMember, scopes?: readonly MemoryScope[]): string[];
export declare function canRead(member: MemoryMember, memory: MemoryOwnership): boolean;
/** May `member` store a new memory of their own with this scope? */
export declare function canCreate(member: MemoryMember, scope: MemoryScope): boolean;
/**
 * May `member` edit, archive, restore or delete `memory`? Owners may always manage their own
 * memories; shared ones may also be managed by leadership, and a department's memories by its head.
 */
export declare function canModify(member: MemoryMember, memory: MemoryOwnership): boolean;
/** May `member` move `memory` to `scope` (an edit of a memory they may modify)? */
export declare function canRescope(member: MemoryMember, memory: MemoryOwnership, scope: MemoryScope): boolean;
