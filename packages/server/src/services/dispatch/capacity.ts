/**
 * Who can take work right now: the global cap on live agent processes (MAX_CONCURRENT_PROCESSES,
 * counting every live run on this server, task or not) and each employee's free slots
 * (`maxConcurrentTasks` minus its live runs). Rebuilt from live data before every decision, so
 * a slot frees the moment a run has ended.
 *
 * Scale-out: the global cap is per replica (it bounds the agent processes one machine runs);
 * an employee's slots are cluster-wide when the runs live on other replicas are passed in
 * (`elsewhere`, read from the store before each decision). Two replicas deciding in the same
 * instant can both take an employee's last slot: the overshoot is bounded by the number of
 * replicas and lasts one run (docs/deployment.md, "Scale-out semantics").
 */
import type { Employee } from '@dash/shared';
import type { ScoringEmployee } from '../../domain/tasks/assignment-score.js';
import { computeWorkload } from '../../domain/employees/workload.js';

export interface LiveRunRef {
  employeeId: string | null;
}

export class Capacity {
  private readonly used = new Map<string, number>();
  private readonly live: number;

  constructor(
    private readonly employees: ReadonlyMap<string, Employee>,
    liveRuns: readonly LiveRunRef[],
    private readonly maxConcurrent: number,
    elsewhere: readonly LiveRunRef[] = [],
  ) {
    this.live = liveRuns.length;
    for (const run of [...liveRuns, ...elsewhere]) {
      if (run.employeeId !== null) this.used.set(run.employeeId, (this.used.get(run.employeeId) ?? 0) + 1);
    }
  }

  get globalFree(): number {
    return Math.max(0, this.maxConcurrent - this.live);
  }

  employee(id: string): Employee | undefined {
    return this.employees.get(id);
  }

  freeSlots(id: string): number {
    const e = this.employees.get(id);
    if (!e) return 0;
    return computeWorkload(e.maxConcurrentTasks, this.used.get(id) ?? 0).slotsFree;
  }

  /** Active with a free slot, and the global cap not reached. */
  canTake(id: string): boolean {
    return this.globalFree > 0 && this.employees.get(id)?.status === 'active' && this.freeSlots(id) > 0;
  }

  /** Anyone could take an automatically assigned task. */
  anyoneCanTake(): boolean {
    if (this.globalFree === 0) return false;
    for (const id of this.employees.keys()) if (this.canTake(id)) return true;
    return false;
  }

  /** Every employee as the assignment score sees it (inactive and full ones are filtered there). */
  scoringEmployees(): ScoringEmployee[] {
    return [...this.employees.values()].map((e) => ({
      id: e.id,
      status: e.status,
      skills: e.skills,
      workload: computeWorkload(e.maxConcurrentTasks, this.used.get(e.id) ?? 0),
    }));
  }
}
