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
export interface LiveRunRef {
    employeeId: string | null;
}
export declare class Capacity {
    private readonly employees;
    private readonly maxConcurrent;
    private readonly used;
    private readonly live;
    constructor(employees: ReadonlyMap<string, Employee>, liveRuns: readonly LiveRunRef[], maxConcurrent: number, elsewhere?: readonly LiveRunRef[]);
    get globalFree(): number;
    employee(id: string): Employee | undefined;
    freeSlots(id: string): number;
    /** Active with a free slot, and the global cap not reached. */
    canTake(id: string): boolean;
    /** Anyone could take an automatically assigned task. */
    anyoneCanTake(): boolean;
    /** Every employee as the assignment score sees it (inactive and full ones are filtered there). */
    scoringEmployees(): ScoringEmployee[];
}
