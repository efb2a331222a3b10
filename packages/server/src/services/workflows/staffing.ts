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

export const CLASSIFIER_ROLES: readonly EmployeeRole[] = ['project_manager', 'technical_lead'];

export class Staffing {
  constructor(private readonly candidates: readonly StaffingCandidate[]) {}

  /** The employee for `role`, or null when nobody active or paused has it. */
  pick(role: EmployeeRole): StaffingCandidate | null {
    const rank = (s: EmployeeStatus): number => (s === 'active' ? 0 : 1);
    const pool = this.candidates
      .map((c, order) => ({ c, order }))
      .filter(({ c }) => c.role === role && (c.status === 'active' || c.status === 'paused'))
      .sort((a, b) => rank(a.c.status) - rank(b.c.status) || a.c.slotsUsed - b.c.slotsUsed || a.order - b.order);
    return pool[0]?.c ?? null;
  }

  /** Of `roles`, those nobody can take (in the order given, without repeats). */
  unstaffed(roles: readonly EmployeeRole[]): EmployeeRole[] {
    return [...new Set(roles)].filter((role) => this.pick(role) === null);
  }

  classifier(): StaffingCandidate | null {
    for (const role of CLASSIFIER_ROLES) {
      const found = this.pick(role);
      if (found) return found;
    }
    return null;
  }

  nameOf(id: string | null): string | null {
    return id === null ? null : (this.candidates.find((c) => c.id === id)?.name ?? null);
  }
}
