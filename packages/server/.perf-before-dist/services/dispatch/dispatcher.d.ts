/**
 * The dispatcher: one loop that decides which queued task runs next and on which employee, starts
 * its run, and records how the run ended.
 *
 * Wake-ups: a task became queued (the `tasks` topic), an employee changed (`employees`), one of
 * our runs ended, a retry is due, and a periodic tick (which also catches runs started through
 * the runs API ending, and changes made on other replicas). Passes never overlap; a wake-up
 * during a pass makes another pass follow it.
 *
 * The queued work itself lives on the JobQueue (one job per queued task, see task-job.ts), so the
 * embedded queue and BullMQ behave the same and a job survives the dispatcher that held it:
 *  - claim: a job is claimed under a lease, renewed while it is parked here or its task's run is
 *    live (held-jobs.ts). If this process dies, the lease runs out and the queue delivers the job
 *    again (at-least-once); whoever claims it checks the task: still queued → dispatch; running
 *    with a run that ended or was lost → settle the task from that run; running with a run live
 *    elsewhere → watch it; anything else → the job is stale and is completed;
 *  - complete when the task's run succeeded (or the task no longer needs the job);
 *  - fail with retry when the run failed, timed out or was lost and the task has attempts left:
 *    the queue re-delivers it after its exponential backoff. Should the queue have no attempt left
 *    for the job (lease expiries count as attempts there), the task's own retry policy still
 *    decides and the job is enqueued afresh with the same delay;
 *  - fail without retry when the task fails for good.
 *
 * No head-of-line blocking (look-ahead pool): the queue hands out jobs in dispatch order
 * (priority weight desc, then queuedAt). A claimed job whose task cannot run now (its explicit
 * assignee is busy or paused, or its run is live on another replica) is parked here with its
 * lease renewed, and the dispatcher claims the next one. Each decision claims until it has taken
 * a runnable job (or the queue is dry, or LOOKAHEAD jobs are parked), then starts the best
 * runnable job of the pool, ordered by the tasks' current priority and queuedAt. Because the
 * queue is ordered, no job still in the queue can beat the runnable one just claimed, so the
 * choice is the true best among everything that can run. Nothing is claimed while no employee
 * could take work, so idle replicas do not hoard jobs.
 *
 * Assignment: the explicit assignee (when active with a free slot), else the best candidate by the
 * domain score (domain/tasks/assignment-score.ts) among active employees with a free slot; the
 * chosen employee and the score breakdown are stored on the task. The global cap
 * (MAX_CONCURRENT_PROCESSES) counts every live run on this server.
 *
 * How a run ends: succeeded → completed (result excerpt in the timeline), dependents whose
 * dependencies are all done are queued; failed/timed_out/lost → queued again after the backoff
 * while attempts remain, else failed and dependents blocked; cancelled → cancelled (dependents
 * blocked), except when this server is shutting down: then the task is queued again and the
 * interrupted attempt does not count. A run that cannot start for a reason that will not go away
 * (RUNTIME_NOT_INSTALLED, a bad working directory) fails the task at once with that code.
 *
 * Memory (run-memory.ts, optional): before a run starts, the employee's relevant memories go into
 * its prompt (bounded by a timeout; a failure is noted in the `running` timeline entry's data and
 * the run starts without them); once it started, which memories it used is recorded; after its
 * end is recorded, a memory of it is written in the background (idle() and stop() wait for it).
 *
 * Start-up: tasks recorded as running whose run ended or was reconciled as lost are settled from
 * that run (requeued or failed by their retry policy), and every queued task is enqueued again
 * (a no-op for live jobs), so nothing stays "running" and no queued task is without a job.
 */
import { type Employee, type Run, type Task } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { EmployeeRepository } from '../../ports/employee-repository.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { JobQueue } from '../../ports/job-queue.js';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { TaskMetrics } from '../../ports/task-metrics.js';
import type { TaskRepository } from '../../ports/task-repository.js';
import type { RunService } from '../runs/run-service.js';
import type { TaskFlow } from '../tasks/task-flow.js';
import { type LiveRunRef } from './capacity.js';
import type { RunMemory } from './run-memory.js';
import type { DispatchGate } from '../budgets/dispatch-gate.js';
export interface DispatcherOptions {
    /** Lease of a claimed job; renewed every third of it. @default 30_000 */
    leaseMs: number;
    /** Periodic wake-up. @default 2_000 */
    tickMs: number;
    /** Base of the exponential retry backoff (the same as the jobs'). */
    retryBackoffMs: number;
    /** Most jobs parked at once (claimed, waiting for their employee). @default 64 */
    lookahead: number;
    /** How often queued tasks are enqueued again in case their job was lost. @default 60_000 */
    sweepMs: number;
    /** Claims are recorded under this worker id (the node id). */
    workerId: string;
}
export declare const defaultDispatcherOptions: Omit<DispatcherOptions, 'retryBackoffMs' | 'workerId'>;
export interface DispatcherDeps {
    tasks: TaskRepository;
    flow: TaskFlow;
    queue: JobQueue;
    runService: Pick<RunService, 'start' | 'waitFor' | 'activeRuns' | 'drain' | 'stop'>;
    runs: Pick<RunRepository, 'get'>;
    employees: Pick<EmployeeRepository, 'list'>;
    /** The employee's role prompt from the registry in force; null when there is none. */
    rolePrompt: (employeeId: string) => Promise<string | null>;
    /** Success rate per employee with finished runs (measured, see StatsService). */
    successRates: () => Promise<ReadonlyMap<string, number>>;
    bus: EventBus;
    clock: Clock;
    logger: Logger;
    metrics: TaskMetrics;
    /** MAX_CONCURRENT_PROCESSES. */
    maxConcurrent: number;
    /** Employee memory in prompts and after runs; absent = runs without memory. */
    runMemory?: RunMemory;
    /**
     * Extra context for a task's prompt (a workflow step's inputs: see services/workflows); null
     * when the task has none. A failure is logged and the run starts without it.
     */
    promptContext?: (task: Task, employee: Employee) => Promise<string | null>;
    /**
     * Scale-out: the runs active on the other replicas (from the store), so an employee's slots
     * count cluster-wide; absent = only this server's runs count. The global cap stays per replica.
     */
    clusterRuns?: () => Promise<readonly LiveRunRef[]>;
    /**
     * Budgets and rate-limit pauses (services/budgets/dispatch-gate.ts): before each pass, employees
     * it blocks get no new run (nobody does while the global budget is spent); a task over its
     * budget fails with TASK_BUDGET_EXCEEDED instead of starting; a rate-limited run end pauses its
     * runtime and requeues the task without counting the attempt. Absent = no gate.
     */
    gate?: Pick<DispatchGate, 'snapshot' | 'checkTask' | 'rateLimited'>;
    /**
     * BUDGET_STOP_RUNNING: this server's live task runs whose employee's (or everyone's) daily
     * budget is spent are stopped; their tasks go back to the queue, the attempt not counted.
     */
    stopOverBudget?: boolean;
    /** Isolated task workspaces (services/workspaces): the worktree path for the task's run, or null. */
    workspaces?: {
        prepare(task: Task): Promise<string | null>;
    };
}
export declare class Dispatcher {
    private readonly deps;
    private readonly options;
    private readonly held;
    private readonly settlement;
    /** Claimed jobs that could not run yet, by job id. */
    private readonly parked;
    /** Tasks whose run is live on this server, by task id. */
    private readonly live;
    private readonly settling;
    /** Memory bookkeeping in the background (uses recorded, memories written). */
    private readonly memoryWork;
    private readonly timers;
    private readonly unsubscribes;
    private readonly claimSeqs;
    private claimCounter;
    private loop;
    private wanted;
    private started;
    private draining;
    private stopping;
    private queueDown;
    private sweeping;
    /** Tasks whose run this dispatcher stopped because a budget is spent, with why. */
    private readonly budgetStops;
    /** What the gate blocked at the last pass (logged when it changes). */
    private gateNote;
    constructor(deps: DispatcherDeps, options: Partial<DispatcherOptions> & Pick<DispatcherOptions, 'retryBackoffMs' | 'workerId'>);
    /** Recovers interrupted tasks, enqueues queued ones, then starts dispatching. */
    start(): Promise<void>;
    /** Asks for a dispatch pass (coalesced: at most one runs, at most one more follows). */
    wake(): void;
    /** Enqueues every queued task again (idempotent), e.g. once a queue that was down answers. */
    resync(): Promise<void>;
    /**
     * Runs another replica was running were just marked lost (replica recovery): their tasks are
     * settled now by their retry policy, as at start-up. Conditional writes: a watcher of the same
     * job settling too records the end once.
     */
    recoverRuns(runs: readonly Run[]): Promise<void>;
    /** Live runs of an employee on this server (the registry's `slotsUsed`). */
    slotsUsed(employeeId: string): number;
    /** Resolves once no pass is running and no ended run is being recorded (tests, benchmarks). */
    idle(): Promise<void>;
    /** Drain: no new dispatches; resolves when our runs have ended by themselves, or at the deadline. */
    drain(signal: AbortSignal): Promise<void>;
    /**
     * Stop: runs still live are stopped (their tasks go back to the queue, the attempt not
     * counted), every ended run is recorded, parked jobs are handed back to the queue.
     */
    stop(): Promise<void>;
    private runPasses;
    private pass;
    /**
     * Removes the employees the gate blocks (budget spent, runtime paused) from this pass; false when
     * nobody may get a new run (the global budget is spent). A gate that cannot be read blocks
     * nothing (logged): budgets are checked again at the next pass.
     */
    private applyGate;
    /** Stops this server's live task runs in a scope whose budget is spent (once per run). */
    private stopOverBudget;
    private runnable;
    private claimSeqOf;
    private claim;
    /** Re-reads the tasks of parked jobs: they may have been cancelled, edited or settled meanwhile. */
    private revisitParked;
    /**
     * What a claimed job means given its task now. Returns the parked entry when the job stays here
     * (queued, or watched), null when it was finished, adopted or handed on.
     */
    private accept;
    private acceptHeld;
    /** Starts the task's run; false when nothing more can start in this pass. */
    private dispatch;
    private startFailed;
    /** Hands a parked job back: failed without retry, then (still queued) enqueued afresh. */
    private handBack;
    /** Tasks recorded as running whose run is over (ended, or lost in a crash) are settled now. */
    /** Runs live on other replicas (cluster-wide slots); none when unknown or unreadable. */
    private elsewhere;
    private recover;
    /** A sweep now, unless one is already running (coalesced). */
    private sweepSoon;
    /** Enqueues every queued task (a no-op for tasks whose job is live), so none is left without one. */
    private sweep;
    /**
     * Records a run's end on its task, retrying while the store is unreachable (a PostgreSQL
     * restart), so the task does not stay "running" with its job held here. Settling again after a
     * partial success is safe (conditional writes); a sweep then re-creates a job the retry may have
     * completed. Once stopping, it gives up: start-up recovery settles the task from its run.
     */
    private untilRecorded;
    /**
     * Moves a task whose run has started to running, retrying while the store is unreachable.
     * Contract: resolves with the running task (the run is then tracked in `live` by the caller), or
     * null when the task changed meanwhile (the caller stops the run); throws only once stopping.
     * A failed write may have landed anyway (the connection dropped after the commit), so each retry
     * first re-reads the task: running with this run → it did; still queued → move it again.
     */
    private recordRunning;
    private track;
    private contextOf;
    /** Memory work never throws (run-memory.ts); tracked so idle() and stop() wait for it. */
    private trackMemory;
    private every;
    private after;
}
