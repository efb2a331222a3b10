/**
 * The core loop wired for integration tests and benchmarks, the way app-core-loop.ts wires it:
 * real run services (run-harness: supervisor, Claude Code runner pointed at the fake agent), a
 * private registry with a small team, the task repository on the same store, a JobQueue (the
 * embedded one on the store by default), the task flow and service, the stats service and the
 * dispatcher. Everything on a local bus; every `tasks`/`employees` message is recorded.
 */
import { randomUUID } from 'node:crypto';
import type { EmployeeInput, RegistryFileInput, Task } from '@dash/shared';
import type { LocalEventBus } from '../../src/adapters/bus-local/local-event-bus.js';
import { EmbeddedJobQueue } from '../../src/adapters/queue-embedded/embedded-job-queue.js';
import { FileRegistrySource } from '../../src/adapters/registry-file/file-registry-source.js';
import { employeeRepositoryFor } from '../../src/adapters/store/kysely-employee-repository.js';
import { KyselyStatsRepository } from '../../src/adapters/store/kysely-stats-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { KyselyTaskMemoryRepository } from '../../src/adapters/store/kysely-task-memory-repository.js';
import { KyselyTaskRepository } from '../../src/adapters/store/kysely-task-repository.js';
import type { AgentSupervisor } from '../../src/ports/agent-supervisor.js';
import { systemClock } from '../../src/ports/clock.js';
import type { JobQueue } from '../../src/ports/job-queue.js';
import type { MemoryApi } from '../../src/ports/memory-api.js';
import { noopMemoryRunMetrics, type MemoryRunMetrics } from '../../src/ports/memory-run-metrics.js';
import { silentLogger, type Logger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import { noopTaskMetrics, type TaskMetrics } from '../../src/ports/task-metrics.js';
import { Dispatcher, type DispatcherDeps, type DispatcherOptions } from '../../src/services/dispatch/dispatcher.js';
import { RunMemory, type RunMemoryOptions } from '../../src/services/dispatch/run-memory.js';
import { PublishingEmployeeRegistry } from '../../src/services/employees/publishing-employee-registry.js';
import { RunService } from '../../src/services/runs/run-service.js';
import { WorkdirPolicy } from '../../src/services/runs/workdir-policy.js';
import { StatsService } from '../../src/services/tasks/stats-service.js';
import { TaskFlow } from '../../src/services/tasks/task-flow.js';
import { TaskService } from '../../src/services/tasks/task-service.js';
import { makeRegistryFixture, type RegistryFixture } from './employee-registry-fixture.js';
import { fastLimits, makeRunHarness, type RunHarness } from './run-harness.js';

/** A team member on the fake agent (claude-code runtime) unless `runtimeConfig` says otherwise. */
export function teamMember(id: string, extra: Partial<EmployeeInput> = {}): EmployeeInput {
  return {
    id,
    name: `Dev ${id}`,
    role: 'senior_developer',
    department: 'development',
    level: 'senior',
    skills: ['feature_implementation', 'backend_development'],
    promptFile: 'senior-developer.md',
    maxConcurrentTasks: 1,
    runtimeConfig: { runtime: 'claude-code', maxTurns: 10 },
    ...extra,
  };
}

export function teamRegistry(members: readonly EmployeeInput[]): RegistryFileInput {
  const head = members[0]?.id ?? 'emp_001';
  return {
    version: 1,
    company: { name: 'Test Co', mission: 'Run tasks in tests' },
    departments: { development: { name: 'Development', focus: 'Everything', head } },
    employees: [...members],
  };
}

export interface CoreLoopHarnessOptions {
  team?: EmployeeInput[];
  /** The dispatcher's cap (MAX_CONCURRENT_PROCESSES). @default 4 */
  maxConcurrent?: number;
  dispatcher?: Partial<Omit<DispatcherOptions, 'workerId'>>;
  store?: Store;
  /** Build the queue on the opened store (default: the embedded queue on a random queue name). */
  queue?: (store: Store) => Promise<JobQueue> | JobQueue;
  metrics?: TaskMetrics;
  logger?: Logger;
  nodeId?: string;
  /** Wraps the supervisor (benchmarks record spawn times). */
  wrapSupervisor?: (supervisor: AgentSupervisor) => AgentSupervisor;
  /** Do not start the dispatcher (tests that start it themselves). */
  startDispatcher?: boolean;
  /** How long employee run totals are reused (the app: 2 s). @default 0 (tests see fresh stats) */
  statsCacheMs?: number;
  /** Memory in runs (run-memory.ts) over this memory API; absent = runs without memory. */
  memory?: { api: MemoryApi; options?: Partial<RunMemoryOptions>; metrics?: MemoryRunMetrics };
  /** The dispatcher's prompt-context hook (workflow handoff); absent = none. */
  promptContext?: (task: Task) => Promise<string | null>;
  /** The dispatchers' fence switch (DispatcherDeps.claimsPaused); absent = never paused. */
  claimsPaused?: () => boolean;
  /** The dispatchers' budget gate (DispatcherDeps.gate) over the opened store; absent = no gate. */
  gate?: (store: Store) => NonNullable<DispatcherDeps['gate']>;
}

export interface CoreLoopHarness {
  runs: RunHarness;
  /** The run service the dispatcher uses (capped like the app's). */
  runService: RunService;
  store: Store;
  registryFixture: RegistryFixture;
  registry: PublishingEmployeeRegistry;
  queue: JobQueue;
  flow: TaskFlow;
  tasks: TaskService;
  stats: StatsService;
  dispatcher: Dispatcher;
  taskRepo: KyselyTaskRepository;
  /** Null without the `memory` option. */
  runMemory: RunMemory | null;
  bus: LocalEventBus;
  /** Every message published on `tasks`, in order. */
  taskMessages: Array<Task | { id: string; deleted: true }>;
  employeeMessages: unknown[];
  /** Another dispatcher on the same store, queue and run services (a second worker). */
  makeDispatcher(options?: Partial<DispatcherOptions>): Dispatcher;
  /** Polls until `predicate(task)` holds, or throws with the task's timeline. */
  waitForTask(id: string, predicate: (task: Task) => boolean, timeoutMs?: number): Promise<Task>;
  close(): Promise<void>;
}

export async function makeCoreLoopHarness(options: CoreLoopHarnessOptions = {}): Promise<CoreLoopHarness> {
  const runs = await makeRunHarness({
    ...(options.store && { store: options.store }),
    ...(options.nodeId !== undefined && { nodeId: options.nodeId }),
  });
  const store = runs.store;
  const bus = runs.bus;
  const logger = options.logger ?? silentLogger;
  const supervisor = options.wrapSupervisor ? options.wrapSupervisor(runs.supervisor) : runs.supervisor;
  // The run harness's service caps at 20; ours follows the dispatcher's cap like the app does.
  const runService = new RunService({
    runs: store.runs,
    events: runs.eventLog,
    supervisor,
    workdirs: new WorkdirPolicy([runs.root]),
    clock: systemClock,
    metrics: { tokens: () => undefined, cost: () => undefined, runEnded: () => undefined, eventsPersisted: () => undefined },
    logger,
    newId: () => randomUUID(),
    nodeId: options.nodeId ?? 'test-node',
    maxConcurrent: Math.max(20, options.maxConcurrent ?? 4),
    defaultLimits: fastLimits,
  });

  const registryFixture = await makeRegistryFixture();
  await registryFixture.write(teamRegistry(options.team ?? [teamMember('emp_101'), teamMember('emp_102')]));
  const { db } = storeDatabaseOf(store);
  const taskRepo = new KyselyTaskRepository(db, systemClock);
  const employeeRepo = employeeRepositoryFor(store);
  const queue = options.queue
    ? await options.queue(store)
    : new EmbeddedJobQueue({ ...storeDatabaseOf(store), queue: `tasks-${randomUUID()}` });
  const metrics = options.metrics ?? noopTaskMetrics;
  const retryBackoffMs = options.dispatcher?.retryBackoffMs ?? 50;
  const flow = new TaskFlow({ tasks: taskRepo, queue, bus, clock: systemClock, logger, metrics, retryBackoffMs });
  const stats = new StatsService({ stats: new KyselyStatsRepository(db), tasks: taskRepo, clock: systemClock, cacheMs: options.statsCacheMs ?? 0 });

  const runMemory = options.memory
    ? new RunMemory(
        {
          memory: options.memory.api,
          links: new KyselyTaskMemoryRepository(db),
          readEvents: (runId, afterSeq, limit) => runs.eventLog.read(runId, afterSeq, limit),
          clock: systemClock,
          logger,
          metrics: options.memory.metrics ?? noopMemoryRunMetrics,
        },
        { promptBudget: 1500, recallTimeoutMs: 5_000, writeAfterRuns: true, ...options.memory.options },
      )
    : null;

  const dispatchers: Dispatcher[] = [];
  let primary: Dispatcher | null = null;
  const registry = new PublishingEmployeeRegistry({
    source: new FileRegistrySource({ dir: registryFixture.path }),
    repository: employeeRepo,
    clock: systemClock,
    logger,
    bus,
    watch: false,
    slotsUsed: (id) => primary?.slotsUsed(id) ?? 0,
    stats: (id) => stats.employeeStats(id),
  });
  await registry.start();

  const tasks = new TaskService({
    tasks: taskRepo,
    flow,
    employees: employeeRepo,
    runs: store.runs,
    stopRun: (runId) => runService.stop(runId),
    clock: systemClock,
    logger,
    newId: () => randomUUID(),
  });

  const makeDispatcher = (extra: Partial<DispatcherOptions> = {}): Dispatcher => {
    const dispatcher = new Dispatcher(
      {
        tasks: taskRepo,
        flow,
        queue,
        runService,
        runs: store.runs,
        employees: employeeRepo,
        rolePrompt: async (id) => (await registry.prompt(id)).text,
        successRates: () => stats.successRates(),
        bus,
        clock: systemClock,
        logger,
        metrics,
        maxConcurrent: options.maxConcurrent ?? 4,
        ...(runMemory !== null && { runMemory }),
        ...(options.promptContext && { promptContext: options.promptContext }),
        ...(options.claimsPaused && { claimsPaused: options.claimsPaused }),
        ...(options.gate && { gate: options.gate(store) }),
      },
      { tickMs: 200, leaseMs: 5_000, ...options.dispatcher, retryBackoffMs, workerId: `worker-${dispatchers.length}`, ...extra },
    );
    dispatchers.push(dispatcher);
    return dispatcher;
  };
  const dispatcher = makeDispatcher();
  primary = dispatcher;

  const taskMessages: CoreLoopHarness['taskMessages'] = [];
  const employeeMessages: unknown[] = [];
  bus.subscribe<CoreLoopHarness['taskMessages'][number]>('tasks', (m) => taskMessages.push(m));
  bus.subscribe('employees', (m) => employeeMessages.push(m));
  if (options.startDispatcher !== false) await dispatcher.start();

  return {
    runs,
    runService,
    store,
    registryFixture,
    registry,
    queue,
    flow,
    tasks,
    stats,
    dispatcher,
    taskRepo,
    runMemory,
    bus,
    taskMessages,
    employeeMessages,
    makeDispatcher,
    async waitForTask(id, predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const task = await tasks.get(id);
        if (predicate(task)) return task;
        if (Date.now() > deadline) {
          const timeline = (await tasks.timeline(id)).map((e) => `${e.from ?? '∅'}→${e.to} (${e.actor}: ${e.reason ?? ''})`);
          throw new Error(`task ${id} is still ${task.status}\n${timeline.join('\n')}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      for (const d of dispatchers) await d.stop();
      await runService.drain();
      await registry.stop();
      await queue.close();
      await runs.close();
      await registryFixture.cleanup();
    },
  };
}

/** A description that makes the fake agent follow `script` (see fake-agent.mjs). */
export const fakeScript = (text: string, script: Record<string, unknown>): string => `${text}\nFAKE_AGENT_SCRIPT: ${JSON.stringify(script)}`;
