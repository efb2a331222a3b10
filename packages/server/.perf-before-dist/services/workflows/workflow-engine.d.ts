/**
 * The workflow engine: moves runs forward from what the store says. It holds no state of its own
 * beyond a queue of runs to look at, so it survives restarts: every decision is re-derived from
 * the run, its steps and their tasks, and each change is a conditional write (two engines, or a
 * person and the engine, apply each change once).
 *
 * A reconcile of one run repeats passes until nothing changes; a pass makes at most one change:
 *  - a finished run not yet closed: steps still open become `cancelled`, tasks still pending,
 *    queued, running or blocked are cancelled (their runs stopped), then the run is closed;
 *  - `classifying`: the classification task is created if missing; once it completed, its answer
 *    picks the template (steps created, run `running`); a bad answer or a failed task fails the
 *    run with WORKFLOW_CLASSIFICATION_FAILED;
 *  - a pending step whose dependencies all completed starts: its task links are written with the
 *    step (`running`), then its tasks are created under those ids (a crash in between is repaired
 *    by the next pass, which creates the linked tasks that do not exist);
 *  - a running step: a task that failed for good, was cancelled or is blocked fails the step; in a
 *    round after a rejection, tasks still holding the rejected result (completed before the round
 *    began) are reopened with the reviewer's reason; when every task is done the step's output is
 *    recorded and it becomes `awaiting_approval` (approval gate) or `completed`;
 *  - otherwise the run's status follows its steps (domain/workflows/run-status.ts).
 *
 * When: on every `tasks` message about a workflow task (labelled `workflow`), after a person's
 * action, at start-up for every open run (catching what happened while the server was down), and
 * every `sweepMs` (bus messages are best-effort). Reconciles of one run never overlap; requests
 * that arrive meanwhile are coalesced into one more pass.
 */
import { type Task, type WorkflowTemplate } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { TaskRepository } from '../../ports/task-repository.js';
import type { WorkflowRepository } from '../../ports/workflow-repository.js';
import type { Staffing } from './staffing.js';
import type { TaskOutputReader } from './task-output-reader.js';
/** The task operations the engine uses (TaskService). */
export interface WorkflowTaskOps {
    create(input: unknown, actor: string, options?: {
        id?: string;
    }): Promise<Task>;
    cancel(id: string, input: unknown, actor: string): Promise<Task>;
    reopen(id: string, input: unknown, actor: string): Promise<Task>;
    resolve(id: string, input: unknown, actor: string): Promise<Task>;
}
export interface WorkflowEngineDeps {
    repo: WorkflowRepository;
    taskReads: Pick<TaskRepository, 'get' | 'getMany'>;
    taskOps: WorkflowTaskOps;
    runs: Pick<RunRepository, 'get'>;
    outputs: TaskOutputReader;
    /** Who can take which role right now. */
    staffing: () => Promise<Staffing>;
    templates: {
        list(): WorkflowTemplate[];
    };
    bus: EventBus;
    clock: Clock;
    logger: Logger;
    newId: () => string;
    /** Periodic reconcile of every open run. @default 15_000 */
    sweepMs?: number;
}
export declare class WorkflowEngine {
    private readonly deps;
    private readonly chains;
    private readonly waiting;
    private readonly publishWanted;
    private unsubscribe;
    private timer;
    private stopped;
    constructor(deps: WorkflowEngineDeps);
    /** Reconciles every open run (start-up catch-up), then follows task changes and sweeps periodically. */
    start(): Promise<void>;
    stop(): Promise<void>;
    /**
     * Asks for a reconcile of the run; resolves when it (or the one it was coalesced into) is done.
     * `publish`: send the run on the `workflows` topic even when nothing changed (a task of it did).
     */
    schedule(runId: string, options?: {
        publish?: boolean;
    }): Promise<void>;
    /** Reconciles every run that is open (or finished and not yet closed). */
    sweep(): Promise<void>;
    /** Sends the run as it is now on the `workflows` topic. */
    publish(runId: string): Promise<void>;
    private reconcile;
    /** One change at most; true when something was written (or a write lost a race: look again). */
    private pass;
    private startStep;
    /** Creates a step task under its recorded id; a failure (other than "exists") fails the step. */
    private createStepTask;
    private advance;
    /** Linked tasks that do not exist (a crash between the link and the task, or a deleted task) are created again. */
    private recreate;
    private classify;
    private createClassifierTask;
    private failRun;
    /** A finished run: open steps are cancelled, leftover tasks cancelled (runs stopped), then the run is closed. */
    private close;
}
