/**
 * Who takes a role's task: an employee with that role who is active (preferred) or paused (the
 * task waits until they are active), not offline or retired; among several, the one with the
 * fewest slots in use, then the registry order. The classification task goes to a project
 * manager, else a technical lead.
 */
import type { EmployeeRole, EmployeeStatus } from '@dash/shared';
export interface StaffingCandidate {
    id: string;
    name: string;
    role: EmployeeRole;
    status: EmployeeStatus;
    slotsUsed: number;
}
export declare const CLASSIFIER_ROLES: readonly EmployeeRole[];
export declare class Staffing {
    private readonly candidates;
    constructor(candidates: readonly StaffingCandidate[]);
    /** The employee for `role`, or null when nobody active or paused has it. */
    pick(role: EmployeeRole): StaffingCandidate | null;
    /** Of `roles`, those nobody can take (in the order given, without repeats). */
    unstaffed(roles: readonly EmployeeRole[]): EmployeeRole[];
    classifier(): StaffingCandidate | null;
    nameOf(id: string | null): string | null;
}
