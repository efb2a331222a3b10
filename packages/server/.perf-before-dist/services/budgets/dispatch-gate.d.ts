/**
 * The dispatch gate: asked by the dispatcher before it starts runs, it answers what may not get a
 * new run now, from store state (so every replica answers the same):
 *
 *  - budgets, in USD from the agents' own cost reports (runs' cost): everyone per UTC day
 *    (BUDGET_DAILY_USD), each employee per UTC day (the registry's `budgetUsdPerDay`) and each
 *    task over all its runs (BUDGET_TASK_USD). Reaching a limit (spent ≥ limit) stops new
 *    dispatch for that scope: nobody, that employee, that task (the task fails with
 *    TASK_BUDGET_EXCEEDED). The soft limit (limit × BUDGET_SOFT_RATIO) only shows and alerts;
 *  - pauses: a run that ended with a rate- or usage-limit error pauses its runtime until the reset
 *    time the agent reported, or for RATE_LIMIT_BACKOFF when it reported none (or a reset in the
 *    past, or further away than RATE_LIMIT_MAX_PAUSE). Its task goes back to the queue without
 *    counting the attempt (run-settlement.ts). The pause ends by itself.
 *
 * A runtime stands for the account it runs under: one deployment configures one account per
 * runtime (its API key or login), so pausing the runtime pauses that account.
 */
import type { DispatchGateStatus, DispatchPause, Employee, Run, RunEvent, Task } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { DispatchGateRepository } from '../../ports/dispatch-gate-repository.js';
import type { Logger } from '../../ports/logger.js';
export interface GateLimits {
    /** BUDGET_DAILY_USD; null = no global limit. */
    globalUsdPerDay: number | null;
    /** BUDGET_TASK_USD; null = no per-task limit. */
    taskUsd: number | null;
    /** BUDGET_SOFT_RATIO, in (0, 1]. */
    softRatio: number;
    /** RATE_LIMIT_BACKOFF: the pause when the agent reported no usable reset time. */
    rateLimitBackoffMs: number;
    /** RATE_LIMIT_MAX_PAUSE: a reported reset further away than this is capped to it. */
    rateLimitMaxPauseMs: number;
}
export interface DispatchGateDeps {
    repo: DispatchGateRepository;
    /** A run's events after `afterSeq` (the end of a run is read for its reported reset time). */
    readEvents: (runId: string, afterSeq: number, limit: number) => Promise<RunEvent[]>;
    clock: Clock;
    logger: Logger;
    limits: GateLimits;
}
/** What may not get a new run now, and why (for the logs and the UI). */
export interface GateSnapshot {
    /** Why nobody may get a new run (global budget reached); null = dispatch allowed. */
    global: string | null;
    /** Employees that may not get a new run (their budget, their runtime paused). */
    blocked: ReadonlyMap<string, string>;
    /** Of those, the ones blocked by their spent budget (not a pause): their live runs may be stopped. */
    overBudget: ReadonlySet<string>;
    /** The earliest end of a pause in force (epoch ms); null = none. */
    nextResumeMs: number | null;
}
export declare const RATE_LIMITED_CODE = "AGENT_RATE_LIMITED";
export declare class DispatchGate {
    private readonly deps;
    constructor(deps: DispatchGateDeps);
    get limits(): GateLimits;
    snapshot(employees: readonly Employee[]): Promise<GateSnapshot>;
    /** Throws TASK_BUDGET_EXCEEDED (not retryable: the task fails) when the task has spent its budget. */
    checkTask(task: Task): Promise<void>;
    /**
     * A run ended: when it ended on a rate or usage limit, its runtime is paused and the pause is
     * returned (the caller requeues the task for when it ends); null otherwise.
     */
    rateLimited(run: Run | null, taskId: string | null): Promise<DispatchPause | null>;
    /** Ends a pause now; false when there was none. */
    resume(scope: string): Promise<boolean>;
    /** Spend against budget (global and per employee) and the pauses in force. */
    status(employees: readonly Employee[]): Promise<DispatchGateStatus>;
    /** The run's result event, searched among its last events; null when it has none. */
    private resultOf;
}
