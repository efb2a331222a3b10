/**
 * Composition of the core loop (part of the composition root, kept beside app.ts so app.ts stays
 * small): the AI-employee registry, the task job queue, the task services, the dispatcher, their
 * routes and metrics. Components register after `store` and `runs`, so they start after those and
 * stop before them:
 *
 *   queue       embedded (jobs table in the store) or BullMQ (REDIS_URL; opened in the
 *               background, so a Redis outage does not stop the server from starting)
 *   employees   the registry service: loads and watches the registry directory
 *   dispatcher  task services + the dispatcher (recovers interrupted tasks, then dispatches);
 *               draining stops new dispatches, stopping stops live task runs (they are queued
 *               again) while the queue and store are still open
 *
 * Routes are registered up front with resolvers, like the run routes.
 */
import { randomUUID } from 'node:crypto';
import type { Registry } from 'prom-client';
import { EmbeddedJobQueue } from './adapters/queue-embedded/embedded-job-queue.js';
import { DeferredJobQueue } from './adapters/queue-deferred/deferred-job-queue.js';
import { FileRegistrySource } from './adapters/registry-file/file-registry-source.js';
import { employeeRepositoryFor } from './adapters/store/kysely-employee-repository.js';
import { KyselyStatsRepository } from './adapters/store/kysely-stats-repository.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { KyselyTaskRepository } from './adapters/store/kysely-task-repository.js';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import { createTaskMetrics } from './observability/task-metrics-prometheus.js';
import { systemClock } from './ports/clock.js';
import type { EmployeeRepository } from './ports/employee-repository.js';
import type { EventBus } from './ports/event-bus.js';
import type { JobQueue } from './ports/job-queue.js';
import type { Store } from './ports/store.js';
import { Dispatcher } from './services/dispatch/dispatcher.js';
import { PublishingEmployeeRegistry } from './services/employees/publishing-employee-registry.js';
import { StatsService } from './services/tasks/stats-service.js';
import { TaskFlow } from './services/tasks/task-flow.js';
import { TaskService } from './services/tasks/task-service.js';
import type { HttpServer } from './transport/http/http-server.js';
import { employeeRoutes } from './transport/http/routes/employee-routes.js';
import type { RunRoutesDeps } from './transport/http/routes/run-routes.js';
import { statsRoutes } from './transport/http/routes/stats-routes.js';
import { taskRoutes } from './transport/http/routes/task-routes.js';

/** The embedded queue's name in the jobs table, and the BullMQ queue name under QUEUE_PREFIX. */
export const TASK_QUEUE_NAME = 'dash-tasks';

export interface CoreLoopContext {
  config: Config;
  logger: Logger;
  lifecycle: Lifecycle;
  server: HttpServer;
  bus: EventBus;
  metricsRegistry: Registry;
  store: () => Store;
  runs: () => RunRoutesDeps;
}

export interface CoreLoopServices {
  tasks: TaskService;
  stats: StatsService;
  dispatcher: Dispatcher;
  queue: JobQueue;
}

export interface CoreLoop {
  readonly employees: PublishingEmployeeRegistry;
  /** Throws before the dispatcher component has started. */
  services(): CoreLoopServices;
  /** Task counts by status for `dashboard_task_queue_depth{state}`; empty before start. */
  queueDepth(): Promise<Record<string, number>>;
}

export function registerCoreLoop(ctx: CoreLoopContext): CoreLoop {
  const { config, lifecycle, server, bus } = ctx;
  const log = (component: string): Logger => ctx.logger.child({ component });
  const taskMetrics = createTaskMetrics(ctx.metricsRegistry);
  let queue: JobQueue | null = null;
  let services: CoreLoopServices | null = null;

  const employees = new PublishingEmployeeRegistry({
    source: new FileRegistrySource({ dir: config.employees.registryDir }),
    repository: lazyEmployeeRepository(ctx.store),
    clock: systemClock,
    logger: log('employees'),
    bus,
    slotsUsed: (id) => services?.dispatcher.slotsUsed(id) ?? 0,
    stats: (id) => services?.stats.employeeStats(id) ?? null,
  });
  const opened = (): CoreLoopServices => services ?? notOpen('the task services');

  void server.register(employeeRoutes, { employees });
  void server.register(taskRoutes, { resolve: () => ({ tasks: opened().tasks }) });
  void server.register(statsRoutes, { resolve: () => ({ stats: opened().stats }) });

  lifecycle.register({
    name: 'queue',
    start() {
      const store = ctx.store();
      const redisUrl = config.redisUrl;
      if (redisUrl === null) {
        queue = new EmbeddedJobQueue({ ...storeDatabaseOf(store), queue: TASK_QUEUE_NAME, logger: log('queue') });
        return;
      }
      const deferred = new DeferredJobQueue({
        kind: 'bullmq',
        logger: log('queue'),
        open: async () => {
          // Loaded on demand: embedded mode never pays for BullMQ.
          const { BullmqJobQueue } = await import('./adapters/queue-bullmq/bullmq-job-queue.js');
          return BullmqJobQueue.open({
            url: redisUrl,
            prefix: config.queue.prefix,
            queueName: TASK_QUEUE_NAME,
            defaultLeaseMs: config.dispatch.leaseMs,
            stalledIntervalMs: Math.max(1_000, Math.floor(config.dispatch.leaseMs / 2)),
            connectTimeoutMs: 5_000,
            logger: log('queue'),
          });
        },
      });
      deferred.begin();
      queue = deferred;
    },
    async stop() {
      await queue?.close();
      queue = null;
    },
  });

  lifecycle.register({
    name: 'employees',
    start: () => employees.start(),
    stop: () => employees.stop(),
  });

  lifecycle.register({
    name: 'dispatcher',
    async start() {
      const store = ctx.store();
      const { db } = storeDatabaseOf(store);
      const { runService, runs } = ctx.runs();
      const jobs = queue ?? notOpen('the job queue');
      const tasks = new KyselyTaskRepository(db, systemClock);
      const employeeRepo = employeeRepositoryFor(store);
      const flow = new TaskFlow({
        tasks,
        queue: jobs,
        bus,
        clock: systemClock,
        logger: log('tasks'),
        metrics: taskMetrics,
        retryBackoffMs: config.dispatch.retryBackoffMs,
      });
      const stats = new StatsService({ stats: new KyselyStatsRepository(db), tasks, clock: systemClock });
      const taskService = new TaskService({
        tasks,
        flow,
        employees: employeeRepo,
        runs,
        stopRun: (runId) => runService.stop(runId),
        clock: systemClock,
        logger: log('tasks'),
        newId: randomUUID,
      });
      const dispatcher = new Dispatcher(
        {
          tasks,
          flow,
          queue: jobs,
          runService,
          runs,
          employees: employeeRepo,
          rolePrompt: async (id) => (await employees.prompt(id)).text,
          successRates: () => stats.successRates(),
          bus,
          clock: systemClock,
          logger: log('dispatcher'),
          metrics: taskMetrics,
          maxConcurrent: config.agents.maxConcurrentProcesses,
        },
        {
          workerId: config.nodeId,
          leaseMs: config.dispatch.leaseMs,
          tickMs: config.dispatch.tickMs,
          retryBackoffMs: config.dispatch.retryBackoffMs,
        },
      );
      await dispatcher.start();
      services = { tasks: taskService, stats, dispatcher, queue: jobs };
      // Tasks created while Redis was unreachable get their jobs as soon as it answers.
      if (jobs instanceof DeferredJobQueue && !jobs.isOpen) {
        void jobs.whenReady().then(() => services?.dispatcher.resync());
      }
    },
    drain: (signal) => services?.dispatcher.drain(signal),
    async stop() {
      await services?.dispatcher.stop();
      services = null;
    },
  });

  return {
    employees,
    services: opened,
    queueDepth: async () => (services ? services.tasks.counts() : {}),
  };
}

/** The store's employee repository, looked up when first used (the store opens after wiring). */
function lazyEmployeeRepository(store: () => Store): EmployeeRepository {
  let cached: { store: Store; repo: EmployeeRepository } | null = null;
  const current = (): EmployeeRepository => {
    const open = store();
    if (cached?.store !== open) cached = { store: open, repo: employeeRepositoryFor(open) };
    return cached.repo;
  };
  return {
    list: (filter) => current().list(filter),
    get: (id) => current().get(id),
    upsertFromFile: (records, options) => current().upsertFromFile(records, options),
    updateFields: (id, edit, now) => current().updateFields(id, edit, now),
  };
}

function notOpen(what: string): never {
  throw new Error(`${what} is not open`);
}
