/**
 * Composition of user schedules (part of the composition root, beside app.ts): the schedule
 * repository on the store, the schedule service, /api/schedules, and the check for due schedules:
 * a job of its own Scheduler every SCHEDULES_CHECK_SECONDS, under the `user-schedules` leader lock
 * (one process of the deployment fires schedules; another takes over at its next check when the
 * leader dies). Registered after the core loop and workflows: it starts after the task services
 * and stops before them.
 */
import { randomUUID } from 'node:crypto';
import { cronSchedule, cronScheduleProblem } from './adapters/cron/cron-parser-schedule.js';
import { KyselyScheduledJobRepository } from './adapters/store/kysely-scheduled-job-repository.js';
import { KyselyScheduleRepository } from './adapters/store/kysely-schedule-repository.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { leaderLockFor } from './app-scheduler.js';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import { systemClock } from './ports/clock.js';
import type { SchedulerMetrics } from './ports/scheduler-metrics.js';
import type { Store } from './ports/store.js';
import { Scheduler } from './services/scheduler/scheduler.js';
import { ScheduleService } from './services/schedules/schedule-service.js';
import type { TaskService } from './services/tasks/task-service.js';
import type { WorkflowService } from './services/workflows/workflow-service.js';
import type { HttpServer } from './transport/http/http-server.js';
import { scheduleRoutes } from './transport/http/routes/schedule-routes.js';

export const USER_SCHEDULES_JOB = 'user-schedules';

export interface SchedulesContext {
  config: Config;
  logger: Logger;
  lifecycle: Lifecycle;
  server: HttpServer;
  store: () => Store;
  tasks: () => TaskService;
  /** Null where workflows are not enabled. */
  workflows: (() => WorkflowService) | null;
  /** Register /api/schedules (the api role). */
  routes: boolean;
  /** Check for due schedules here (processes with the task services). */
  fire: boolean;
}

/** The Prometheus scheduler metrics belong to app-scheduler.ts's Scheduler; this one reports to the log and the store only. */
const unmetered: SchedulerMetrics = { runFinished: () => undefined, nextRun: () => undefined, leading: () => undefined };

export function registerSchedules(ctx: SchedulesContext): void {
  const { config } = ctx;
  const log = ctx.logger.child({ component: 'schedules' });
  let service: ScheduleService | null = null;
  const opened = (): ScheduleService => {
    if (service === null) throw new Error('the schedule service is not open');
    return service;
  };
  if (ctx.routes) void ctx.server.register(scheduleRoutes, { resolve: opened });

  let scheduler: Scheduler | null = null;
  ctx.lifecycle.register({
    name: 'schedules',
    async start() {
      const { db } = storeDatabaseOf(ctx.store());
      const checkMs = config.schedules.checkSeconds * 1000;
      service = new ScheduleService({
        repo: new KyselyScheduleRepository(db),
        cronProblem: cronScheduleProblem,
        cron: cronSchedule,
        startTask: (body, actor) => ctx.tasks().create(body, actor),
        startWorkflow: ctx.workflows === null ? null : (body, actor) => ctx.workflows!().start(body, actor),
        ...(ctx.workflows !== null && {
          requireWorkflowTemplate: async (id: string) => {
            await ctx.workflows!().template(id);
          },
        }),
        clock: systemClock,
        logger: log,
        newId: randomUUID,
        // A fire up to two checks late (at least 5 s) is on time; later, it was missed.
        graceMs: Math.max(2 * checkMs, 5_000),
      });
      if (!ctx.fire) return;
      const schedules = service;
      scheduler = new Scheduler({ runs: new KyselyScheduledJobRepository(db), metrics: unmetered, clock: systemClock, logger: log, nodeId: config.nodeId });
      scheduler.add({
        name: USER_SCHEDULES_JOB,
        schedule: cronSchedule(`*/${config.schedules.checkSeconds} * * * * *`, 'UTC'),
        leader: leaderLockFor(config, USER_SCHEDULES_JOB, log),
        run: async (signal) => ({ ...(await schedules.fireDue(signal)) }),
      });
      await scheduler.start();
    },
    async stop() {
      await scheduler?.stop();
      scheduler = null;
      service = null;
    },
  });
}
