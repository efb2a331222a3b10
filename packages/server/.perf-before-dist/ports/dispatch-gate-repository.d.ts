/**
 * The dispatch gate's state in the store (every replica reads the same): pauses of a runtime after
 * a rate or usage limit, and the spend the budgets are measured against (runs' `cost_usd`, the
 * agents' own cost reports).
 */
import type { DispatchPause } from '@dash/shared';
export interface DispatchGateRepository {
    /** Records a pause; an existing pause of the same scope keeps the later `until`. */
    pause(pause: DispatchPause): Promise<void>;
    /** Pauses whose `until` is after `nowIso`. */
    activePauses(nowIso: string): Promise<DispatchPause[]>;
    /** Ends a pause now (a person resumed it); false when there was none. */
    resume(scope: string): Promise<boolean>;
    /** Cost of runs started since `sinceIso`, per employee; key `*` = everyone. */
    costSince(sinceIso: string): Promise<ReadonlyMap<string, number>>;
    /** Cost of every run of a task. */
    taskCost(taskId: string): Promise<number>;
}
