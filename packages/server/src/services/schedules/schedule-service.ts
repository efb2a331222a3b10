/**
 * Schedules: recurring tasks and workflow runs on a cron expression in a time zone (the rules;
 * /api/schedules is in transport/http/routes/schedule-routes.ts).
 *
 *  - create / update validate the expression and the time zone (SCHEDULE_CRON_INVALID, naming
 *    the field) and what the schedule starts (a task body or a workflow body, VALIDATION_FAILED;
 *    a named workflow template must be in force when the target is set: WORKFLOW_TEMPLATE_NOT_FOUND
 *    naming body.target.workflow.templateId), then store the next fire time (null while disabled).
 *    A template removed later makes its fires fail (recorded), like any other target that went away;
 *  - fireDue() is run by one process at a time (the Scheduler under a leader lock, see
 *    app-schedules.ts): every enabled schedule whose next fire is due is decided by its missed-run
 *    policy (missed-runs.ts), its next fire is claimed in the store with a conditional write (so a
 *    fire is acted on once even if two processes overlapped during a leader hand-over), and then
 *    its target is started: a task (TaskService.create) or a workflow run (WorkflowService.start,
 *    SCHEDULE_TARGET_UNAVAILABLE where workflows are not enabled). What was created, or why it
 *    failed, is recorded on the schedule; a failure does not stop the schedule.
 */
import { createScheduleBody, updateScheduleBody, type Schedule, type ScheduleTarget, type Task, type WorkflowRun } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import type { Clock } from '../../ports/clock.js';
import type { CronSchedule } from '../../ports/cron-schedule.js';
import type { Logger } from '../../ports/logger.js';
import type { ScheduleRepository } from '../../ports/schedule-repository.js';
import { parseInput } from '../tasks/parse-input.js';
import { decideDue } from './missed-runs.js';

export interface ScheduleServiceDeps {
  repo: ScheduleRepository;
  /** Why the expression in the zone is unusable, or null (adapters/cron). */
  cronProblem: (expression: string, timezone: string) => string | null;
  /** The schedule of a valid expression (adapters/cron). */
  cron: (expression: string, timezone: string) => CronSchedule;
  startTask: (body: Extract<ScheduleTarget, { kind: 'task' }>['task'], actor: string) => Promise<Task>;
  /** Null where workflows are not enabled. */
  startWorkflow: ((body: Extract<ScheduleTarget, { kind: 'workflow' }>['workflow'], actor: string) => Promise<WorkflowRun>) | null;
  /** Throws WORKFLOW_TEMPLATE_NOT_FOUND when no template with this id is in force; absent = not checked. */
  requireWorkflowTemplate?: (templateId: string) => Promise<void>;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  /** How late a fire may be and still count as on time (missed-runs.ts). */
  graceMs: number;
}

/** Most due schedules handled per check (the rest follow at the next check). */
const DUE_BATCH = 100;
export const NEXT_RUNS_MAX = 20;

export interface FireSummary {
  fired: number;
  skipped: number;
  failed: number;
}

export class ScheduleService {
  constructor(private readonly deps: ScheduleServiceDeps) {}

  list(): Promise<Schedule[]> {
    return this.deps.repo.list();
  }

  async get(id: string): Promise<Schedule> {
    const found = await this.deps.repo.get(id);
    if (found === null) throw new AppError('SCHEDULE_NOT_FOUND', { message: `No schedule ${id}`, details: { id } });
    return found;
  }

  async create(input: unknown): Promise<Schedule> {
    const body = parseInput(createScheduleBody, input);
    this.assertCron(body.cron, body.timezone);
    await this.assertTarget(body.target);
    const now = this.deps.clock.isoNow();
    const schedule: Schedule = {
      id: this.deps.newId(),
      name: body.name,
      cron: body.cron,
      timezone: body.timezone,
      missedRunPolicy: body.missedRunPolicy,
      enabled: body.enabled,
      target: body.target,
      nextRunAt: null,
      lastRunAt: null,
      lastResult: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    };
    schedule.nextRunAt = this.nextRun(schedule);
    await this.deps.repo.insert(schedule);
    return schedule;
  }

  async update(id: string, input: unknown): Promise<Schedule> {
    const body = parseInput(updateScheduleBody, input);
    const current = await this.get(id);
    const next: Schedule = {
      ...current,
      ...(body.name !== undefined && { name: body.name }),
      ...(body.cron !== undefined && { cron: body.cron }),
      ...(body.timezone !== undefined && { timezone: body.timezone }),
      ...(body.missedRunPolicy !== undefined && { missedRunPolicy: body.missedRunPolicy }),
      ...(body.enabled !== undefined && { enabled: body.enabled }),
      ...(body.target !== undefined && { target: body.target }),
      updatedAt: this.deps.clock.isoNow(),
    };
    this.assertCron(next.cron, next.timezone);
    // The template is checked when the target is given: a schedule whose template went away can
    // still be renamed or disabled.
    await this.assertTarget(next.target, body.target !== undefined);
    next.nextRunAt = this.nextRun(next);
    if (!(await this.deps.repo.update(next))) throw new AppError('SCHEDULE_NOT_FOUND', { message: `No schedule ${id}`, details: { id } });
    return next;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.deps.repo.delete(id))) throw new AppError('SCHEDULE_NOT_FOUND', { message: `No schedule ${id}`, details: { id } });
  }

  /** The next `count` fire times after now (none while disabled). */
  async nextRuns(id: string, count: number): Promise<string[]> {
    const schedule = await this.get(id);
    if (!schedule.enabled) return [];
    const cron = this.deps.cron(schedule.cron, schedule.timezone);
    const out: string[] = [];
    let from = this.deps.clock.now();
    while (out.length < Math.min(count, NEXT_RUNS_MAX)) {
      const next = cron.nextAfter(from);
      if (next === null) break;
      out.push(new Date(next).toISOString());
      from = next;
    }
    return out;
  }

  /** Starts what every due schedule targets (by its missed-run policy); see the file header. */
  async fireDue(signal?: AbortSignal): Promise<FireSummary> {
    const summary: FireSummary = { fired: 0, skipped: 0, failed: 0 };
    const nowMs = this.deps.clock.now();
    for (const schedule of await this.deps.repo.due(new Date(nowMs).toISOString(), DUE_BATCH)) {
      if (signal?.aborted) break;
      const dueAt = schedule.nextRunAt;
      if (dueAt === null) continue;
      let cron: CronSchedule;
      try {
        cron = this.deps.cron(schedule.cron, schedule.timezone);
      } catch (err) {
        this.deps.logger.error({ err, scheduleId: schedule.id }, 'a stored schedule has an invalid expression; it is disabled');
        await this.deps.repo.update({ ...schedule, enabled: false, nextRunAt: null, lastError: String(err), updatedAt: new Date(nowMs).toISOString() });
        continue;
      }
      const decision = decideDue(Date.parse(dueAt), nowMs, this.deps.graceMs, schedule.missedRunPolicy, (ms) => cron.nextAfter(ms));
      const nextRunAt = decision.nextMs === null ? null : new Date(decision.nextMs).toISOString();
      const claimed = await this.deps.repo.claimFire(schedule.id, { dueAt, nextRunAt, lastRunAt: decision.run ? new Date(nowMs).toISOString() : (schedule.lastRunAt ?? null) });
      if (!claimed) continue; // another process handled this fire
      if (!decision.run) {
        summary.skipped += 1;
        this.deps.logger.info({ scheduleId: schedule.id, dueAt, nextRunAt }, 'missed schedule fire skipped (policy skip)');
        await this.deps.repo.recordOutcome(schedule.id, schedule.lastResult, `missed fire of ${dueAt} skipped`);
        continue;
      }
      try {
        const created = await this.start(schedule);
        summary.fired += 1;
        await this.deps.repo.recordOutcome(schedule.id, created, null);
        this.deps.logger.info({ scheduleId: schedule.id, dueAt, missed: decision.missed, created }, 'schedule fired');
      } catch (err) {
        summary.failed += 1;
        const why = err instanceof AppError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
        await this.deps.repo.recordOutcome(schedule.id, null, why);
        this.deps.logger.warn({ err, scheduleId: schedule.id }, 'schedule fire failed');
      }
    }
    return summary;
  }

  /** Starts the target; returns what was created (`task:<id>` or `workflow:<id>`). */
  private async start(schedule: Schedule): Promise<string> {
    const actor = `schedule:${schedule.id}`;
    const { target } = schedule;
    if (target.kind === 'task') return `task:${(await this.deps.startTask(target.task, actor)).id}`;
    if (this.deps.startWorkflow === null) throw new AppError('SCHEDULE_TARGET_UNAVAILABLE');
    return `workflow:${(await this.deps.startWorkflow(target.workflow, actor)).id}`;
  }

  private nextRun(schedule: Schedule): string | null {
    if (!schedule.enabled) return null;
    const next = this.deps.cron(schedule.cron, schedule.timezone).nextAfter(this.deps.clock.now());
    return next === null ? null : new Date(next).toISOString();
  }

  private assertCron(expression: string, timezone: string): void {
    const problem = this.deps.cronProblem(expression, timezone);
    if (problem === null) return;
    const path = problem.startsWith('unknown time zone') ? 'body.timezone' : 'body.cron';
    throw new AppError('SCHEDULE_CRON_INVALID', { message: `Invalid schedule: ${problem}`, fields: [{ path, message: problem }] });
  }

  private async assertTarget(target: ScheduleTarget, checkTemplate = true): Promise<void> {
    if (target.kind !== 'workflow') return;
    if (this.deps.startWorkflow === null) {
      throw new AppError('SCHEDULE_TARGET_UNAVAILABLE', { fields: [{ path: 'body.target.kind', message: 'workflows are not enabled on this server' }] });
    }
    const templateId = target.workflow.templateId;
    if (!checkTemplate || templateId === null || !this.deps.requireWorkflowTemplate) return;
    try {
      await this.deps.requireWorkflowTemplate(templateId);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'WORKFLOW_TEMPLATE_NOT_FOUND') throw err;
      // The same error, naming the field of this body.
      throw new AppError('WORKFLOW_TEMPLATE_NOT_FOUND', {
        message: err.message,
        fields: (err.fields ?? []).map((f) => ({ ...f, path: 'body.target.workflow.templateId' })),
        details: { templateId },
        cause: err,
      });
    }
  }
}
