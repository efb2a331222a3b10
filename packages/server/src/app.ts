/**
 * The composition root: the one place that picks adapters from config and wires them together.
 * Embedded mode (no DATABASE_URL) keeps everything in `${DATA_DIR}/dashboard.sqlite`; with
 * DATABASE_URL the store is PostgreSQL, and with REDIS_URL the queue runs on Redis, the event
 * bus fans out through Redis pub/sub and the sign-in throttle counts on Redis (app-auth.ts).
 *
 * SERVICE_ROLE (config/service-role.ts) picks which components this process registers: `api`
 * the REST routes, live feed and SPA; `worker` the dispatcher; `all` both; `memory` only the
 * memory API; `bridge` the API bridge (app-bridge.ts). Every role serves /health, /ready and /metrics. With
 * MEMORY_API_URL (any role but memory) the memory store stays closed here: /api/memory is proxied
 * to that URL and runs use the HTTP MemoryApi adapter.
 *
 * Components start in registration order and stop in reverse. The HTTP listener is registered by
 * start() itself, after anything added to `lifecycle` in between, so it opens last and closes
 * first: no request is served before the adapters are open or after they are closed.
 */
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openStore, type StoreOptions } from './adapters/store/open-store.js';
import type { RedisHealth } from './adapters/redis/redis-health.js';
import type { Config } from './config/config.js';
import { Lifecycle } from './lifecycle/lifecycle.js';
import { serverDependencyChecks } from './observability/health/server-checks.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type Metrics, type MetricsProviders } from './observability/metrics.js';
import type { Store } from './ports/store.js';
import { createHttpServer, type HttpServer } from './transport/http/http-server.js';
import { registerProbeRoutes } from './transport/http/probe-routes.js';
import { registerSpa } from './transport/http/spa.js';
import { randomUUID } from 'node:crypto';
import { LocalEventBus } from './adapters/bus-local/local-event-bus.js';
import { createRunMetrics } from './observability/run-metrics-prometheus.js';
import type { EventBus } from './ports/event-bus.js';
import { systemClock } from './ports/clock.js';
import { defaultRunners } from './runners/default-runners.js';
import { ProcessSupervisor } from './runners/supervisor/index.js';
import { agentBaseEnv } from './runners/common/agent-base-env.js';
import { RunEventLog } from './services/run-events/run-event-log.js';
import { RunService } from './services/runs/run-service.js';
import { WorkdirPolicy } from './services/runs/workdir-policy.js';
import { runRoutes, type RunRoutesDeps } from './transport/http/routes/run-routes.js';
import { systemRoutes } from './transport/http/routes/system-routes.js';
import { publicConfig } from './config/public-config.js';
import { readFileSync } from 'node:fs';
import { registerCoreLoop, type CoreLoop } from './app-core-loop.js';
import { registerMemory } from './app-memory.js';
import { registerTracing } from './app-tracing.js';
import { AppError } from './domain/app-error.js';
import { registerWorkflows, type Workflows } from './app-workflows.js';
import { registerBridge } from './app-bridge.js';
import { checkDependencies } from './observability/health/dependency-check.js';
import { createAuth } from './app-auth.js';
import type { RouteAccess } from './transport/http/auth/access-types.js';
import { registerMemoryCleanupSchedule } from './app-memory-schedule.js';
import { registerScheduler } from './app-scheduler.js';
import { registerSchedules } from './app-schedules.js';
import { registerNotifications } from './app-notifications.js';
import { memoryUnavailable } from './adapters/memory-http/memory-api-errors.js';
import { selectMemoryApi } from './adapters/memory-http/select-memory-api.js';
import { hostsMemoryStore, remoteMemoryApiUrl } from './config/service-role.js';
import { InProcessMemoryApi } from './services/memory/in-process-memory-api.js';
import { registerOpenApi } from './transport/http/routes/openapi.js';
import { serviceProxyRoutes } from './transport/http/routes/service-proxy-routes.js';
import { busDropCounter } from './adapters/bus-redis/bus-metrics.js';
import { deploymentChannelPrefix, RedisEventBus } from './adapters/bus-redis/redis-event-bus.js';
import { createLiveFeed, runFeedSource, type LiveFeedOptions } from './transport/ws/live-feed-gateway.js';
import { costTodayUsd } from './transport/ws/metrics-feed.js';
import { createCluster } from './app-cluster.js';

export const SQLITE_FILE_NAME = 'dashboard.sqlite';

export interface AppOverrides {
  logger?: Logger;
  /** Scrape-time values; until the supervisor and queue exist they report nothing. */
  metricsProviders?: Partial<MetricsProviders>;
  /** Live-feed tuning (tests use short heartbeats and small buffers). */
  liveFeed?: Partial<LiveFeedOptions>;
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
  readonly server: HttpServer;
  readonly metrics: Metrics;
  /** The open store; throws before start() has opened it or after stop(). */
  store(): Store;
  /** The run services; throws before start() has opened the store. */
  runs(): RunRoutesDeps;
  /** Every HTTP route with the access it declares (the route × role matrix test reads it). */
  routes(): readonly RouteAccess[];
  /** Opens adapters, then listens; resolves with the base URL once the lifecycle is `ready`. */
  start(): Promise<{ url: string }>;
  /** Graceful stop (drain, then close in reverse). Idempotent. */
  stop(): Promise<void>;
}

/** Embedded SQLite in DATA_DIR unless DATABASE_URL names a PostgreSQL server. */
export function storeOptionsFrom(config: Config): StoreOptions {
  return config.databaseUrl === null
    ? { kind: 'sqlite', file: join(config.dataDir, SQLITE_FILE_NAME) }
    : { kind: 'postgres', url: config.databaseUrl };
}

export function createApp(config: Config, overrides: AppOverrides = {}): App {
  const logger = overrides.logger ?? createLogger({ level: config.log.level, nodeId: config.nodeId });
  const { role } = config;
  // Agents' side of the server (runs, tasks, queue, bus): api and worker roles.
  const runsAgents = role.api || role.worker;
  // The task services (queue, flow) run where agents run, and in the bridge (create_subtask, add_comment).
  const tasksHere = runsAgents || role.bridge;
  const remoteMemoryUrl = remoteMemoryApiUrl(role, config.services.memoryApiUrl);
  const hostsMemory = hostsMemoryStore(role, config.services.memoryApiUrl);
  const lifecycle = new Lifecycle({ logger: logger.child({ component: 'lifecycle' }), drainTimeoutMs: config.lifecycle.drainTimeoutMs });
  // The supervisor owns no connection, so it exists from the start; the run services need the store.
  const supervisor = new ProcessSupervisor({
    runners: defaultRunners(),
    binaryPaths: config.agents.binaries,
    baseEnv: agentBaseEnv(process.env),
    logger: logger.child({ component: 'supervisor' }),
  });
  const queueDepth = async (): Promise<Record<string, number>> => (coreLoop === null ? {} : coreLoop.queueDepth());
  const metricsProviders: MetricsProviders = {
    activeProcesses: () => supervisor.activeCount(),
    // Tasks by status, once the task services are up (see app-core-loop.ts).
    queueDepth: () => queueDepth(),
    ...overrides.metricsProviders,
  };
  const metrics = createMetrics(metricsProviders);
  const runMetrics = createRunMetrics(metrics.registry, () => supervisor.sample());
  // With REDIS_URL the bus also fans out to the other replicas through Redis pub/sub.
  const busLogger = logger.child({ component: 'bus' });
  const redisBus =
    config.redisUrl === null || !tasksHere
      ? null
      : new RedisEventBus({
          url: config.redisUrl,
          channelPrefix: deploymentChannelPrefix(config.databaseUrl ?? config.dataDir),
          connectionName: `dash-bus-${config.nodeId}`,
          logger: busLogger,
          onDropped: busDropCounter(metrics.registry),
          onResubscribed: () => liveFeed.busGap(),
        });
  const bus: EventBus = redisBus ?? new LocalEventBus(busLogger);
  // Users, sessions, API tokens and the audit log (app-auth.ts); every role with a store has them.
  const auth = createAuth({ config, logger, bus, store: () => openedStore() });
  // Traces only with OTEL_EXPORTER_OTLP_ENDPOINT (app-tracing.ts); registered first, stopped last.
  const tracing = registerTracing({ config, lifecycle, logger, version: serverVersion() });
  const http = createHttpServer({
    logger,
    metrics,
    lifecycle,
    tracing,
    auth: auth.authenticator,
    security: {
      rateLimits: config.security.rateLimits,
      corsOrigins: config.security.corsOrigins,
      trustProxy: config.security.trustProxy,
      hsts: config.auth.cookieSecure,
      audit: auth.auditSink,
    },
  });
  const server = http.server;
  const storeOptions = storeOptionsFrom(config);

  let store: Store | null = null;
  let redis: RedisHealth | null = null;
  const openedStore = (): Store => {
    if (store === null) throw new Error('the store is not open');
    return store;
  };

  const dependencyChecks = () =>
    serverDependencyChecks({
      storeKind: storeOptions.kind,
      pingStore: () => openedStore().ping(),
      queue: runsAgents,
      pingRedis: config.redisUrl === null ? null : () => (redis ?? notOpen('redis')).ping(),
      memoryApiUrl: remoteMemoryUrl,
      apiBridgeUrl: role.bridge ? null : config.services.apiBridgeUrl,
    });
  registerProbeRoutes(server, {
    nodeId: config.nodeId,
    healthTimeoutMs: config.health.timeoutMs,
    lifecycle,
    registry: metrics.registry,
    metricsToken: config.security.metricsToken,
    dependencyChecks,
    // A fenced replica (app-cluster.ts) leaves the load balancer until its heartbeat is renewed.
    notReady: () => {
      const fenced = cluster?.fencedBecause() ?? null;
      return fenced === null ? null : `fenced: ${fenced}`;
    },
  });
  let runServices: RunRoutesDeps | null = null;
  const openedRuns = (): RunRoutesDeps => runServices ?? notOpen('the run services');
  // First: the OpenAPI document covers the routes registered after it.
  if (role.api || role.memory) registerOpenApi(server);
  if (!role.bridge) auth.registerRoutes(server);
  if (role.api) void server.register(runRoutes, { resolve: openedRuns });
  const startedAt = new Date();
  const version = serverVersion();
  if (role.api) void server.register(systemRoutes, {
    info: () => ({
      version,
      nodeId: config.nodeId,
      nodeVersion: process.version,
      platform: `${process.platform}-${process.arch}`,
      startedAt: startedAt.toISOString(),
      uptimeSeconds: Math.round(process.uptime()),
      mode: {
        store: storeOptions.kind,
        queue: config.redisUrl === null ? 'embedded' : 'bullmq',
        bus: config.redisUrl === null ? 'local' : 'redis',
      },
      config: publicConfig(config),
    }),
  });
  const liveFeed = createLiveFeed(
    {
      bus,
      runs: () => runFeedSource(openedRuns()),
      metricsProviders: {
        activeProcesses: metricsProviders.activeProcesses,
        queueDepth: metricsProviders.queueDepth,
        runningTasks: async () => (await queueDepth()).running ?? 0,
        costTodayUsd: () => costTodayUsd(openedRuns().runs),
      },
      registry: metrics.registry,
      logger: logger.child({ component: 'live-feed' }),
      auth: auth.liveFeedAuth,
    },
    { serverId: config.nodeId, ...overrides.liveFeed },
  );
  if (role.api) liveFeed.register(server);
  if (role.api && config.web.serve) http.useSpaFallback(registerSpa(server, config.web.distDir));

  // Connected before anything publishes; closed after the run services flushed their last events.
  if (redisBus !== null) lifecycle.register({ name: 'bus', start: () => redisBus.start(), stop: () => redisBus.close() });

  // Every role opens the store (the bridge keeps its alerts and input requests there).
  lifecycle.register({
    name: 'store',
    async start() {
      const where = storeOptions.kind === 'sqlite' ? { file: storeOptions.file } : { databaseUrl: storeOptions.url };
      logger.info({ store: { kind: storeOptions.kind, ...where } }, 'opening store');
      store = await openStore(storeOptions, { logger: logger.child({ component: 'store' }) });
    },
    async stop() {
      await store?.close();
      store = null;
    },
  });
  auth.register(lifecycle);

  // Scale-out (app-cluster.ts): heartbeats (registered before the runs, so `stopped` is recorded
  // after they drained), recovery of dead replicas' runs, stop / follow-up routed to the owner.
  const cluster = tasksHere
    ? createCluster({ config, logger, lifecycle, server, bus, metricsRegistry: metrics.registry, store: openedStore, runs: openedRuns, routes: role.api, agents: runsAgents })
    : null;
  cluster?.registerHeartbeat();

  // The bridge needs the run repository and the task services' view of runs, but spawns nothing.
  if (tasksHere) {
    lifecycle.register({
      name: 'runs',
      async start() {
        const opened = openedStore();
        const eventLog = new RunEventLog(
          { repo: opened.runEvents, bus, clock: systemClock, metrics: runMetrics, logger: logger.child({ component: 'run-events' }) },
          { capBytes: config.agents.runLogCapBytes },
        );
        const runService = new RunService({
          runs: opened.runs,
          events: eventLog,
          supervisor,
          workdirs: new WorkdirPolicy(config.agents.workdirRoots),
          clock: systemClock,
          metrics: runMetrics,
          logger: logger.child({ component: 'runs' }),
          newId: randomUUID,
          nodeId: config.nodeId,
          maxConcurrent: config.agents.maxConcurrentProcesses,
          // An api-only replica serves the run routes but leaves agents to the workers.
          startsAgents: role.worker,
          // MCP access for agents (app-bridge.ts): a run token and config file per Claude Code run.
          attachments: bridge.attachments,
          defaultLimits: {
            wallTimeoutMs: config.agents.wallTimeoutMs,
            idleTimeoutMs: config.agents.idleTimeoutMs,
            maxRestarts: config.agents.maxRestarts,
            restartBackoffMs: config.agents.restartBackoffMs,
            maxBackoffMs: 60_000,
            sigintGraceMs: config.agents.stopGraceMs,
            sigtermGraceMs: config.agents.stopGraceMs,
          },
        });
        // Embedded mode has one node; on PostgreSQL each replica reconciles only the runs it owned.
        if (runsAgents) await runService.reconcile(opened.dialect === 'sqlite' ? {} : { nodeId: config.nodeId });
        runServices = { runService, runs: opened.runs, eventLog, supervisor, ...(cluster !== null && { control: cluster.control }) };
      },
      drain: (signal) => runServices?.runService.waitForIdle(signal),
      async stop() {
        if (!runServices) return;
        await runServices.runService.drain();
        await runServices.eventLog.stop();
        runServices = null;
      },
    });
  }

  const redisUrl = config.redisUrl;
  if (redisUrl !== null && tasksHere) {
    lifecycle.register({
      name: 'redis-health',
      async start() {
        // Loaded on demand: embedded mode never pays for the Redis client.
        const { createRedisHealth } = await import('./adapters/redis/redis-health.js');
        redis = createRedisHealth(redisUrl, { logger });
      },
      async stop() {
        await redis?.close();
        redis = null;
      },
    });
  }

  // Memory for task runs: the in-process service, followed through its lifecycle (below), or the
  // HTTP adapter over MEMORY_API_URL.
  const inProcessMemoryApi = hostsMemory ? new InProcessMemoryApi() : null;
  const runsMemoryApi = hostsMemory || remoteMemoryUrl !== null ? selectMemoryApi(config, () => inProcessMemoryApi ?? notOpen('the in-process memory API')) : null;

  // The API bridge (app-bridge.ts): MCP access for agents and, where it is served, the MCP
  // endpoint, /api/bridge and the alerts. Before the dispatcher, so the first runs get MCP access.
  const bridge = registerBridge({
    config,
    logger,
    lifecycle,
    server,
    bus,
    store: openedStore,
    version,
    runsAgents,
    serves: role.bridge || (role.name === 'all' && config.services.apiBridgeUrl === null),
    proxies: role.api,
    memory: () => runsMemoryApi ?? noMemoryApi(),
    tasks: () => (coreLoop ?? notOpen('the task services')).services().tasks,
    employees: () => (coreLoop ?? notOpen('the employee registry')).employees,
    dependencies: () => checkDependencies(dependencyChecks(), config.health.timeoutMs),
  });

  // Employees, task queue, task services and dispatcher: after the run services, before HTTP.
  // Every role has the employee registry; the bridge also the task services (no routes, no dispatch).
  const coreLoop: CoreLoop | null = registerCoreLoop({
    parts: { routes: role.api, tasks: tasksHere, dispatch: role.worker },
    config,
    logger,
    lifecycle,
    server,
    bus,
    metricsRegistry: metrics.registry,
    store: openedStore,
    runs: openedRuns,
    ...(runsMemoryApi !== null && { memoryApi: runsMemoryApi }),
    // Late-bound: the workflow services are registered after the core loop (below).
    promptContext: (task) => workflows?.promptContext(task) ?? Promise.resolve(null),
    // A fenced replica claims nothing until its heartbeat is renewed (app-cluster.ts).
    claimsPaused: () => cluster?.fencedBecause() != null,
  });

  // Recovery of dead replicas' runs and the run-control listener: after the dispatcher.
  cluster?.registerRecovery(() => (role.worker && coreLoop !== null ? coreLoop.services().dispatcher : null));

  // Workflows (/api/workflows): templates, the engine and its runs; after the task services.
  const workflows: Workflows | null =
    coreLoop !== null && runsAgents
      ? registerWorkflows({ config, logger, lifecycle, server, bus, store: openedStore, runs: openedRuns, coreLoop, routes: role.api })
      : null;

  // Notification webhooks (NOTIFY_WEBHOOK_URLS) on the transitions that need a human.
  if (tasksHere) registerNotifications({ config, logger, lifecycle, bus, store: openedStore });

  // Schedules (/api/schedules) and their check for due fires (one process: a leader lock); after
  // the task services and workflows, which they start.
  if (coreLoop !== null && tasksHere) {
    const loop = coreLoop;
    registerSchedules({
      config,
      logger,
      lifecycle,
      server,
      store: openedStore,
      tasks: () => loop.services().tasks,
      workflows: workflows === null ? null : () => workflows.service(),
      routes: role.api,
      fire: runsAgents,
    });
  }

  // The memory service (/api/memory): after the employee registry, whom it asks who is who.
  if (hostsMemory && coreLoop !== null && inProcessMemoryApi !== null) {
    const memory = registerMemory({ config, logger, lifecycle, server, store: openedStore, employees: coreLoop.employees });
    // Opens after the memory service and closes before it: runs dispatched meanwhile wait for it
    // (within MEMORY_PROMPT_TIMEOUT) or, once it closed, start without memories.
    lifecycle.register({
      name: 'memory-runs',
      start: () => inProcessMemoryApi.open(memory.service()),
      stop: () => inProcessMemoryApi.close(),
    });
    // The scheduled cleanup: after the memory service, so it stops before it.
    const scheduler = registerScheduler({ config, logger, lifecycle, metricsRegistry: metrics.registry, store: openedStore });
    registerMemoryCleanupSchedule({ config, server, scheduler, memory });
  } else if (role.api && remoteMemoryUrl !== null) {
    void server.register(serviceProxyRoutes, {
      basePath: '/api/memory',
      includeBasePath: true,
      baseUrl: remoteMemoryUrl,
      timeoutMs: config.memory.apiTimeoutMs,
      unavailable: memoryUnavailable,
    });
  }

  // Before HTTP: it opens after the bus topics are followed, and drain tells clients going-away.
  if (role.api) lifecycle.register(liveFeed.component);

  let startPromise: Promise<{ url: string }> | null = null;
  const start = async (): Promise<{ url: string }> => {
    lifecycle.register({
      name: 'http',
      async start() {
        await server.listen({ host: config.http.host, port: config.http.port });
      },
      // In-flight requests finish first; new ones already get 503 SERVER_DRAINING.
      drain: (signal) => http.inFlight.idle(signal),
      async stop() {
        await server.close();
      },
    });
    await lifecycle.start();
    if (lifecycle.state !== 'ready') throw new Error(`startup interrupted: the server is ${lifecycle.state}`);
    return { url: urlOf(server.server.address() as AddressInfo) };
  };

  return {
    config,
    logger,
    lifecycle,
    server,
    metrics,
    store: openedStore,
    runs: openedRuns,
    routes: () => http.access.routes(),
    start: () => (startPromise ??= start()),
    stop: () => lifecycle.stop(),
  };
}

/** The bridge role without MEMORY_API_URL has no memory service to call. */
function noMemoryApi(): never {
  throw new AppError('MEMORY_UNAVAILABLE', { message: 'This process has no memory service: set MEMORY_API_URL' });
}

function notOpen(what: string): never {
  throw new Error(`${what} is not connected yet`);
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** The server package's version (package.json sits one level above both src/ and dist/). */
function serverVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
