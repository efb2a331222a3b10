import { computeWorkload } from '../../domain/employees/workload.js';
export class Capacity {
    employees;
    maxConcurrent;
    used = new Map();
    live;
    constructor(employees, liveRuns, maxConcurrent, elsewhere = []) {
        this.employees = employees;
        this.maxConcurrent = maxConcurrent;
        this.live = liveRuns.length;
        for (const run of [...liveRuns, ...elsewhere]) {
            if (run.employeeId !== null)
                this.used.set(run.employeeId, (this.used.get(run.employeeId) ?? 0) + 1);
        }
    }
    get globalFree() {
        return Math.max(0, this.maxConcurrent - this.live);
    }
    employee(id) {
        return this.employees.get(id);
    }
    freeSlots(id) {
        const e = this.employees.get(id);
        if (!e)
            return 0;
        return computeWorkload(e.maxConcurrentTasks, this.used.get(id) ?? 0).slotsFree;
    }
    /** Active with a free slot, and the global cap not reached. */
    canTake(id) {
        return this.globalFree > 0 && this.employees.get(id)?.status === 'active' && this.freeSlots(id) > 0;
    }
    /** Anyone could take an automatically assigned task. */
    anyoneCanTake() {
        if (this.globalFree === 0)
            return false;
        for (const id of this.employees.keys())
            if (this.canTake(id))
                return true;
        return false;
    }
    /** Every employee as the assignment score sees it (inactive and full ones are filtered there). */
    scoringEmployees() {
        return [...this.employees.values()].map((e) => ({
            id: e.id,
            status: e.status,
            skills: e.skills,
            workload: computeWorkload(e.maxConcurrentTasks, this.used.get(e.id) ?? 0),
        }));
    }
}
//# sourceMappingURL=capacity.js.map