/**
 * Composition of the API bridge (part of the composition root, beside app.ts; docs/bridge.md).
 * Two sides, registered where they belong:
 *
 *  - agent side (`runsAgents`: the processes that spawn agents): each Claude Code run gets a
 *    run-scoped MCP token in a private config file (RunMcpAccess → RunService attachments), and
 *    loses it when it ends (its pending questions are cancelled too).
 *  - served side (`serves`: SERVICE_ROLE=all without API_BRIDGE_URL, or SERVICE_ROLE=bridge): the
 *    MCP endpoint `/mcp/runs/:runId`, /api/bridge/* (analytics, alerts, input requests, registry
 *    sync) and the periodic work (alert evaluation, webhook delivery) under the `bridge` leader lock.
 *
 * Everything lives in the shared store and talks over the bus, so the sides may be in different
 * processes. Routes are registered up front with resolvers; the component opens after the employee
 * registry and task services (it starts after them) and closes before them.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { DependencyHealth } from '@dash/shared';
import { PrivateMcpConfigFiles } from './adapters/mcp-config/private-mcp-config-files.js';
import { RegistryFileWriter } from './adapters/registry-file/registry-file-writer.js';
import { REGISTRY_FILE_NAME } from './adapters/registry-file/file-registry-source.js';
import { KyselyAlertDeliveryRepository } from './adapters/store/kysely-alert-delivery-repository.js';
import { KyselyAlertFacts } from './adapters/store/kysely-alert-facts.js';
import { KyselyAlertRepository } from './adapters/store/kysely-alert-repository.js';
import { KyselyAnalyticsRepository } from './adapters/store/kysely-analytics-repository.js';
import { KyselyInputRequestRepository } from './adapters/store/kysely-input-request-repository.js';
import { KyselyRunTokenRepository } from './adapters/store/kysely-run-token-repository.js';
import { KyselyTaskLinkRepository } from './adapters/store/kysely-task-link-repository.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { FetchWebhookSender } from './adapters/webhook/fetch-webhook-sender.js';
import { AppError } from './domain/app-error.js';
import { leaderLockFor } from './app-scheduler.js';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import type { AlertDeliveryRepository } from './ports/alert-delivery-repository.js';
import { systemClock } from './ports/clock.js';
import type { EventBus } from './ports/event-bus.js';
import type { MemoryApi } from './ports/memory-api.js';
import type { RunAttachments } from './ports/run-attachments.js';
import type { Store } from './ports/store.js';
import { AlertService } from './services/bridge/alerts/alert-service.js';
import { BridgeLoop } from './services/bridge/alerts/bridge-loop.js';
import { WebhookDelivery } from './services/bridge/alerts/webhook-delivery.js';
import { AnalyticsService } from './services/bridge/analytics/analytics-service.js';
import { InputRequestService } from './services/bridge/input/input-request-service.js';
import { createMcpTools, type McpToolsDeps } from './services/bridge/mcp/mcp-tools.js';
import { RunMcpAccess } from './services/bridge/mcp/run-mcp-access.js';
import { RunTokenService } from './services/bridge/mcp/run-token-service.js';
import { RegistrySyncService } from './services/bridge/registry/registry-sync-service.js';
import type { EmployeeRegistryService } from './services/employees/employee-registry-service.js';
import type { HttpServer } from './transport/http/http-server.js';
import { bridgeAlertRoutes, type BridgeAlertRoutesDeps } from './transport/http/routes/bridge-alert-routes.js';
import { bridgeAnalyticsRoutes } from './transport/http/routes/bridge-analytics-routes.js';
import { bridgeInputRoutes } from './transport/http/routes/bridge-input-routes.js';
import { bridgeRegistryRoutes } from './transport/http/routes/bridge-registry-routes.js';
import { bridgeTaskLinkRoutes } from './transport/http/routes/bridge-task-link-routes.js';
import { isTimeout, serviceProxyRoutes } from './transport/http/routes/service-proxy-routes.js';
import { mcpRoutes } from './transport/mcp/mcp-routes.js';
import { McpServer } from './transport/mcp/mcp-server.js';

export interface BridgeWiring {
  config: Config;
  logger: Logger;
  lifecycle: Lifecycle;
  server: HttpServer;
  bus: EventBus;
  store: () => Store;
  version: string;
  /** This process spawns agents: they get MCP access. */
  runsAgents: boolean;
  /** This process serves the MCP endpoint, /api/bridge and the periodic work. */
  serves: boolean;
  /** This process serves the dashboard API while the bridge runs at API_BRIDGE_URL: proxy /api/bridge. */
  proxies: boolean;
  memory: () => MemoryApi;
  tasks: McpToolsDeps['tasks'];
  /** The employee registry (role delegation, registry sync); null where this process has none. */
  employees: (() => EmployeeRegistryService) | null;
  /** The /health dependency probes, for `dependency_down`. */
  dependencies: () => Promise<DependencyHealth[]>;
}

export interface RegisteredBridge {
  /** For RunService: MCP access per run (inert where agents do not run or before start). */
  readonly attachments: RunAttachments;
  /** Evaluates the alert rules now (tests, the REST route). */
  evaluateNow(): Promise<{ opened: number; resolved: number; open: number }>;
}

interface OpenedBridge {
  tokens: RunTokenService;
  inputs: InputRequestService;
  access: RunMcpAccess | null;
  served: {
    mcp: McpServer;
    analytics: AnalyticsService;
    links: KyselyTaskLinkRepository;
    alerts: AlertService;
    deliveries: AlertDeliveryRepository;
    delivery: WebhookDelivery | null;
    registry: RegistrySyncService | null;
    loop: BridgeLoop;
  } | null;
}

export function registerBridge(ctx: BridgeWiring): RegisteredBridge {
  const { config, server } = ctx;
  const log = ctx.logger.child({ component: 'bridge' });
  const files = new PrivateMcpConfigFiles();
  let opened: OpenedBridge | null = null;
  const open = (): OpenedBridge => opened ?? notOpen();
  const served = (): NonNullable<OpenedBridge['served']> => open().served ?? notOpen();

  if (ctx.serves) {
    void server.register(mcpRoutes, { resolve: () => ({ server: served().mcp, tokens: open().tokens }) });
    void server.register(bridgeAnalyticsRoutes, { resolve: () => served().analytics });
    void server.register(bridgeInputRoutes, { resolve: () => open().inputs });
    void server.register(bridgeTaskLinkRoutes, { resolve: () => served().links });
    void server.register(bridgeAlertRoutes, { resolve: (): BridgeAlertRoutesDeps => ({ alerts: served().alerts, deliveries: served().deliveries, evaluateNow }) });
    if (ctx.employees !== null) void server.register(bridgeRegistryRoutes, { resolve: () => served().registry ?? notOpen() });
  } else if (ctx.proxies && config.services.apiBridgeUrl !== null) {
    void server.register(serviceProxyRoutes, {
      basePath: '/api/bridge',
      includeBasePath: false,
      baseUrl: config.services.apiBridgeUrl,
      timeoutMs: config.health.timeoutMs * 5,
      unavailable: bridgeUnavailable,
    });
  }

  async function evaluateNow(): Promise<{ opened: number; resolved: number; open: number }> {
    const s = served();
    const result = await s.alerts.evaluate();
    await s.delivery?.deliverDue();
    return { opened: result.opened.length, resolved: result.resolved.length, open: result.stillOpen + result.opened.length };
  }

  /** Where agents reach the endpoint: BRIDGE_MCP_URL, API_BRIDGE_URL, or this server itself. */
  const mcpBaseUrl = (): string | null => {
    if (config.bridge.mcpBaseUrl !== null) return config.bridge.mcpBaseUrl;
    if (config.services.apiBridgeUrl !== null) return config.services.apiBridgeUrl;
    if (!ctx.serves) return null;
    // Before the listener opens (runs dispatched at start-up) the configured address stands in.
    return listeningUrl(server) ?? (config.http.port > 0 ? hostUrl(config.http.host, config.http.port) : null);
  };

  ctx.lifecycle.register({
    name: 'bridge',
    async start() {
      const { db } = storeDatabaseOf(ctx.store());
      const store = ctx.store();
      const tokens = new RunTokenService({ tokens: new KyselyRunTokenRepository(db), runs: store.runs, clock: systemClock });
      const inputs = new InputRequestService({
        requests: new KyselyInputRequestRepository(db),
        runs: store.runs,
        bus: ctx.bus,
        clock: systemClock,
        logger: log,
        newId: randomUUID,
        timeoutMs: config.bridge.inputTimeoutMs,
        approvalTimeoutMs: config.bridge.approvalTimeoutMs,
      });
      inputs.start();
      const access = ctx.runsAgents
        ? new RunMcpAccess({ tokens, files, cancelInputs: (runId) => inputs.cancelForRun(runId), baseUrl: mcpBaseUrl, logger: log })
        : null;
      opened = { tokens, inputs, access, served: ctx.serves ? openServed(db, tokens, inputs) : null };
      opened.served?.loop.start();
      const endpoint = config.bridge.mcpBaseUrl ?? config.services.apiBridgeUrl ?? (ctx.serves ? 'this server' : null);
      log.info({ serves: ctx.serves, agentsReachMcpAt: endpoint, webhooks: config.alerts.webhooks.targets.length }, 'API bridge open');
    },
    async stop() {
      const current = opened;
      opened = null;
      if (current === null) return;
      await current.served?.loop.stop();
      current.inputs.stop();
      await files.clear();
    },
  });

  function openServed(db: ReturnType<typeof storeDatabaseOf>['db'], tokens: RunTokenService, inputs: InputRequestService): NonNullable<OpenedBridge['served']> {
    const links = new KyselyTaskLinkRepository(db);
    const alertRepo = new KyselyAlertRepository(db);
    const deliveries = new KyselyAlertDeliveryRepository(db);
    const inputRepo = new KyselyInputRequestRepository(db);
    const employees = ctx.employees;
    const tools = createMcpTools({
      memory: ctx.memory,
      tasks: ctx.tasks,
      employees: { list: () => (employees ?? notOpen)().list() },
      links,
      inputs,
      clock: systemClock,
      logger: log,
    });
    const mcp = new McpServer({ name: 'multi-agent-dashboard', version: ctx.version, tools, logger: log });
    const hooks = config.alerts.webhooks;
    const delivery =
      hooks.targets.length > 0 && hooks.signingSecret !== null
        ? new WebhookDelivery({
            deliveries,
            alerts: alertRepo,
            sender: new FetchWebhookSender(),
            targets: hooks.targets.map((t) => ({ id: t.id, secretUrl: t.secretUrl })),
            signingSecret: hooks.signingSecret,
            maxAttempts: hooks.maxAttempts,
            backoffMs: hooks.backoffMs,
            timeoutMs: hooks.timeoutMs,
            clock: systemClock,
            logger: log,
          })
        : null;
    const alerts = new AlertService({
      alerts: alertRepo,
      deliveries,
      facts: new KyselyAlertFacts(db),
      dependencies: ctx.dependencies,
      waitingForInput: () => inputRepo.pendingRunIds(),
      thresholds: {
        stuckRunAfterMs: config.alerts.stuckRunAfterMs,
        failureStreak: config.alerts.failureStreak,
        workloadBacklog: config.alerts.workloadBacklog,
        // The dispatch budget (BUDGET_DAILY_USD) is the team budget unless alerts set their own.
        dailyBudgetUsd: config.alerts.dailyBudgetUsd ?? config.budgets.dailyUsd,
        budgetSoftRatio: config.budgets.softRatio,
      },
      targets: delivery === null ? [] : hooks.targets.map((t) => ({ id: t.id, origin: t.origin })),
      bus: ctx.bus,
      clock: systemClock,
      logger: log,
      newId: randomUUID,
      onQueued: () => void loop.deliverNow(),
    });
    const loop = new BridgeLoop({
      evaluate: () => alerts.evaluate(),
      deliver: () => delivery?.deliverDue() ?? Promise.resolve(),
      housekeeping: async () => {
        await inputs.sweep();
        await tokens.purgeStale();
      },
      leader: leaderLockFor(config, 'bridge', log),
      logger: log,
      evaluateEveryMs: config.alerts.evaluateEveryMs,
    });
    const registry =
      employees === null
        ? null
        : new RegistrySyncService({
            employees: {
              reloadOrThrow: (options) => employees().reloadOrThrow(options),
              export: () => employees().export(),
            },
            writer: new RegistryFileWriter(join(config.employees.registryDir, REGISTRY_FILE_NAME)),
            clock: systemClock,
            logger: log,
          });
    return {
      mcp,
      analytics: new AnalyticsService({ analytics: new KyselyAnalyticsRepository(db), clock: systemClock }),
      links,
      alerts,
      deliveries,
      delivery,
      registry,
      loop,
    };
  }

  return {
    attachments: {
      attach: (run) => opened?.access?.attach(run) ?? Promise.resolve(null),
      release: (runId) => opened?.access?.release(runId) ?? Promise.resolve(),
    },
    evaluateNow,
  };
}

/** This server's own base URL once it listens. */
function listeningUrl(server: HttpServer): string | null {
  const address = server.server.address() as AddressInfo | string | null;
  if (address === null || typeof address === 'string') return null;
  return hostUrl(address.address, address.port);
}

/** A wildcard address becomes loopback: agents run on this machine. */
function hostUrl(address: string, port: number): string {
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function notOpen(): never {
  throw new Error('the API bridge is not open');
}

/** 503 BRIDGE_UNAVAILABLE from the /api/bridge proxy: no connection, or no answer in time. */
function bridgeUnavailable(baseUrl: string, cause: unknown, timeoutMs: number): AppError {
  const reason = isTimeout(cause) ? `no answer within ${timeoutMs}ms` : cause instanceof Error ? cause.message : String(cause);
  return new AppError('BRIDGE_UNAVAILABLE', { message: `The API bridge at ${baseUrl} cannot be reached`, details: { reason } });
}
