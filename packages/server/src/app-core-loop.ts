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
 *
 * With `memoryApi`, the dispatcher puts employees' memories into their runs' prompts and writes a
 * memory after each run (services/dispatch/run-memory.ts; MEMORY_PROMPT_* and
 * MEMORY_WRITE_AFTER_RUNS); without it runs go without memory.
 */
import { randomUUID } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { Task } from '@dash/shared';
import { EmbeddedJobQueue } from './adapters/queue-embedded/embedded-job-queue.js';
import { DeferredJobQueue } from './adapters/queue-deferred/deferred-job-queue.js';
import { FileRegistrySource } from './adapters/registry-file/file-registry-source.js';
import { employeeRepositoryFor } from './adapters/store/kysely-employee-repository.js';
import { KyselyStatsRepository } from './adapters/store/kysely-stats-repository.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { KyselyTaskMemoryRepository } from './adapters/store/kysely-task-memory-repository.js';
import { KyselyTaskRepository } from './adapters/store/kysely-task-repository.js';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import { createMemoryRunMetrics } from './observability/memory-run-metrics-prometheus.js';
import { createTaskMetrics } from './observability/task-metrics-prometheus.js';
import { systemClock } from './ports/clock.js';
import type { EmployeeRepository } from './ports/employee-repository.js';
import type { EventBus } from './ports/event-bus.js';
import type { JobQueue } from './ports/job-queue.js';
import type { MemoryApi } from './ports/memory-api.js';
import type { Store } from './ports/store.js';
import { Dispatcher } from './services/dispatch/dispatcher.js';
import { RunMemory } from './services/dispatch/run-memory.js';
import { PublishingEmployeeRegistry } from './services/employees/publishing-employee-registry.js';
import { StatsService } from './services/tasks/stats-service.js';
import { TaskFlow } from './services/tasks/task-flow.js';
import { TaskService } from './services/tasks/task-service.js';
import type { HttpServer } from './transport/http/http-server.js';
import { employeeRoutes } from './transport/http/routes/employee-routes.js';
import type { RunRoutesDeps } from './transport/http/routes/run-routes.js';
import { statsRoutes } from './transport/http/routes/stats-routes.js';
import { taskMemoryRoutes } from './transport/http/routes/task-memory-routes.js';
import { workspaceRoutes } from './transport/http/routes/workspace-routes.js';
import { GitCliWorktrees } from './adapters/git/git-cli-worktrees.js';
import { KyselyWorkspaceRepository } from './adapters/store/kysely-workspace-repository.js';
import { WorkspaceService } from './services/workspaces/workspace-service.js';
import { taskRoutes } from './transport/http/routes/task-routes.js';
import { dispatchGateRoutes } from './transport/http/routes/dispatch-gate-routes.js';
import { createDispatchGate } from './app-dispatch-gate.js';
import type { DispatchGate } from './services/budgets/dispatch-gate.js';

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
  /** The memory service for task runs (in-process or over MEMORY_API_URL); absent = no memory in runs. */
  memoryApi?: MemoryApi;
  /**
   * What SERVICE_ROLE asks of the core loop (service-role.ts): `routes` = the REST routes (api),
   * `tasks` = queue and task services, `dispatch` = the dispatcher runs (worker). The employee
   * registry is always there (the memory role needs it too). @default all true
   */
  parts?: { routes: boolean; tasks: boolean; dispatch: boolean };
  /** Extra context for a task's prompt (a workflow step's handoff, app-workflows.ts); absent = none. */
  promptContext?: (task: Task) => Promise<string | null>;
  /** Scale-out self-fencing (app-cluster.ts): while true the dispatcher claims and starts nothing. */
  claimsPaused?: () => boolean;
}

export interface CoreLoopServices {
  tasks: TaskService;
  stats: StatsService;
  dispatcher: Dispatcher;
  queue: JobQueue;
  /** Null when the core loop runs without a memory service. */
  runMemory: RunMemory | null;
  /** Budgets and rate-limit pauses (app-dispatch-gate.ts). */
  gate: DispatchGate;
  /** Isolated task workspaces (git worktrees). */
  workspaces: WorkspaceService;
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
  const parts = ctx.parts ?? { routes: true, tasks: true, dispatch: true };
  const log = (component: string): Logger => ctx.logger.child({ component });
  const taskMetrics = createTaskMetrics(ctx.metricsRegistry);
  const memoryRunMetrics = createMemoryRunMetrics(ctx.metricsRegistry);
  let queue: JobQueue | null = null;
  let services: CoreLoopServices | null = null;
  let workspaceSweep: NodeJS.Timeout | null = null;

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

  if (parts.routes) {
    void server.register(employeeRoutes, { employees });
    void server.register(taskRoutes, { resolve: () => ({ tasks: opened().tasks }) });
    void server.register(statsRoutes, { resolve: () => ({ stats: opened().stats }) });
    void server.register(dispatchGateRoutes, {
      resolve: () => {
        const { gate } = opened();
        return {
          status: async () => gate.status((await employeeRepositoryFor(ctx.store()).list()).map((s) => s.employee)),
          resume: (scope) => gate.resume(scope),
          taskBudget: async (taskId) => gate.taskBudget(await opened().tasks.get(taskId)),
        };
      },
    });
    void server.register(workspaceRoutes, { resolve: () => ({ tasks: opened().tasks, workspaces: opened().workspaces }) });
    void server.register(taskMemoryRoutes, {
      resolve: () => {
        const { tasks, runMemory } = opened();
        return { tasks, memories: runMemory ?? { forTask: async (taskId) => ({ taskId, used: [], written: [] }) } };
      },
    });
  }

  if (parts.tasks) {
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
  }

  lifecycle.register({
    name: 'employees',
    start: () => employees.start(),
    stop: () => employees.stop(),
  });

  if (parts.tasks) {
    lifecycle.register({
      name: 'dispatcher',
      async start() {
        const store = ctx.store();
        const { db } = storeDatabaseOf(store);
        const { runService, runs, eventLog, control } = ctx.runs();
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
        const gate = createDispatchGate({ config, db, readEvents: (runId, afterSeq, limit) => eventLog.read(runId, afterSeq, limit), logger: log('dispatch-gate') });
        const runMemory =
          ctx.memoryApi === undefined
            ? null
            : new RunMemory(
                {
                  memory: ctx.memoryApi,
                  links: new KyselyTaskMemoryRepository(db),
                  readEvents: (runId, afterSeq, limit) => eventLog.read(runId, afterSeq, limit),
                  clock: systemClock,
                  logger: log('run-memory'),
                  metrics: memoryRunMetrics,
                },
                {
                  promptBudget: config.memory.runs.promptBudget,
                  recallTimeoutMs: config.memory.runs.promptTimeoutMs,
                  writeAfterRuns: config.memory.runs.writeAfterRuns,
                },
              );
        const workspaces = new WorkspaceService({
          workspaces: new KyselyWorkspaceRepository(db as never),
          git: new GitCliWorktrees(),
          repos: config.workspaces.repos,
          root: config.agents.workdirRoots[0] ?? config.dataDir,
          setupTimeoutMs: config.workspaces.setupTimeoutMs,
          retentionMs: config.workspaces.retentionMs,
          taskStatus: async (taskId) => (await tasks.get(taskId))?.status ?? null,
          clock: systemClock,
          logger: log('workspaces'),
        });
        const taskService = new TaskService({
          tasks,
          flow,
          employees: employeeRepo,
          runs,
          // Scale-out: a cancelled task's run is stopped on the replica that runs it.
          stopRun: (runId) => (control ? control.stopRun(runId) : runService.stop(runId)),
          clock: systemClock,
          logger: log('tasks'),
          newId: randomUUID,
          workspaces,
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
            gate,
            stopOverBudget: config.budgets.stopRunning,
            workspaces,
            ...(runMemory !== null && { runMemory }),
            ...(ctx.promptContext && { promptContext: ctx.promptContext }),
            ...(ctx.claimsPaused && { claimsPaused: ctx.claimsPaused }),
            // Scale-out: employees' slots count the runs live on the other replicas too.
            ...(config.databaseUrl !== null && {
              clusterRuns: async () => (await runs.listActive()).filter((r) => r.nodeId !== config.nodeId),
            }),
          },
          {
            workerId: config.nodeId,
            leaseMs: config.dispatch.leaseMs,
            tickMs: config.dispatch.tickMs,
            retryBackoffMs: config.dispatch.retryBackoffMs,
          },
        );
        // SERVICE_ROLE=api: the task services without dispatching (workers dispatch).
        if (parts.dispatch) await dispatcher.start();
        services = { tasks: taskService, stats, dispatcher, queue: jobs, runMemory, gate, workspaces };
        // Worktrees of finished tasks idle past WORKSPACE_RETENTION go (hourly, on dispatching processes).
        if (parts.dispatch && workspaces.enabled) {
          const sweep = (): void => void workspaces.sweep().catch((err: unknown) => log('workspaces').warn({ err: String(err) }, 'workspace sweep failed'));
          sweep();
          workspaceSweep = setInterval(sweep, 3_600_000);
          workspaceSweep.unref();
        }
        // Tasks created while Redis was unreachable get their jobs as soon as it answers.
        if (jobs instanceof DeferredJobQueue && !jobs.isOpen) {
          void jobs.whenReady().then(() => services?.dispatcher.resync());
        }
      },
      drain: (signal) => services?.dispatcher.drain(signal),
      async stop() {
        if (workspaceSweep !== null) clearInterval(workspaceSweep);
        workspaceSweep = null;
        await services?.dispatcher.stop();
        services = null;
      },
    });
  }

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
