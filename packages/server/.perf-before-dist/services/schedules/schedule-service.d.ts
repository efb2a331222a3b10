/**
 * Schedules: recurring tasks and workflow runs on a cron expression in a time zone (the rules;
 * /api/schedules is in transport/http/routes/schedule-routes.ts).
 *
 *  - create / update validate the expression and the time zone (SCHEDULE_CRON_INVALID, naming
 *    the field) and what the schedule starts (a task body or a workflow body, VALIDATION_FAILED),
 *    then store the next fire time (null while disabled);
 *  - fireDue() is run by one process at a time (the Scheduler under a leader lock, see
 *    app-schedules.ts): every enabled schedule whose next fire is due is decided by its missed-run
 *    policy (missed-runs.ts), its next fire is claimed in the store with a conditional write (so a
 *    fire is acted on once even if two processes overlapped during a leader hand-over), and then
 *    its target is started: a task (TaskService.create) or a workflow run (WorkflowService.start,
 *    SCHEDULE_TARGET_UNAVAILABLE where workflows are not enabled). What was created, or why it
 *    failed, is recorded on the schedule; a failure does not stop the schedule.
 */
import { type Schedule, type ScheduleTarget, type Task, type WorkflowRun } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { CronSchedule } from '../../ports/cron-schedule.js';
import type { Logger } from '../../ports/logger.js';
import type { ScheduleRepository } from '../../ports/schedule-repository.js';
export interface ScheduleServiceDeps {
    repo: ScheduleRepository;
    /** Why the expression in the zone is unusable, or null (adapters/cron). */
    cronProblem: (expression: string, timezone: string) => string | null;
    /** The schedule of a valid expression (adapters/cron). */
    cron: (expression: string, timezone: string) => CronSchedule;
    startTask: (body: Extract<ScheduleTarget, {
        kind: 'task';
    }>['task'], actor: string) => Promise<Task>;
    /** Null where workflows are not enabled. */
    startWorkflow: ((body: Extract<ScheduleTarget, {
        kind: 'workflow';
    }>['workflow'], actor: string) => Promise<WorkflowRun>) | null;
    clock: Clock;
    logger: Logger;
    newId: () => string;
    /** How late a fire may be and still count as on time (missed-runs.ts). */
    graceMs: number;
}
export declare const NEXT_RUNS_MAX = 20;
export interface FireSummary {
    fired: number;
    skipped: number;
    failed: number;
}
export declare class ScheduleService {
    private readonly deps;
    constructor(deps: ScheduleServiceDeps);
    list(): Promise<Schedule[]>;
    get(id: string): Promise<Schedule>;
    create(input: unknown): Promise<Schedule>;
    update(id: string, input: unknown): Promise<Schedule>;
    remove(id: string): Promise<void>;
    /** The next `count` fire times after now (none while disabled). */
    nextRuns(id: string, count: number): Promise<string[]>;
    /** Starts what every due schedule targets (by its missed-run policy); see the file header. */
    fireDue(signal?: AbortSignal): Promise<FireSummary>;
    /** Starts the target; returns what was created (`task:<id>` or `workflow:<id>`). */
    private start;
    private nextRun;
    private assertCron;
    private assertTarget;
}
