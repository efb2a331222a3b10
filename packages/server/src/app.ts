/**
 * The composition root: the one place that picks adapters from config and wires them together.
 * Embedded mode (no DATABASE_URL) keeps everything in `${DATA_DIR}/dashboard.sqlite`; with
 * DATABASE_URL the store is PostgreSQL, and with REDIS_URL the queue runs on Redis.
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

export const SQLITE_FILE_NAME = 'dashboard.sqlite';

export interface AppOverrides {
  logger?: Logger;
  /** Scrape-time values; until the supervisor and queue exist they report nothing. */
  metricsProviders?: Partial<MetricsProviders>;
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
  readonly server: HttpServer;
  readonly metrics: Metrics;
  /** The open store; throws before start() has opened it or after stop(). */
  store(): Store;
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
  const lifecycle = new Lifecycle({ logger: logger.child({ component: 'lifecycle' }), drainTimeoutMs: config.lifecycle.drainTimeoutMs });
  const metrics = createMetrics({ activeProcesses: () => 0, queueDepth: () => ({}), ...overrides.metricsProviders });
  const http = createHttpServer({ logger, metrics, lifecycle });
  const server = http.server;
  const storeOptions = storeOptionsFrom(config);

  let store: Store | null = null;
  let redis: RedisHealth | null = null;
  const openedStore = (): Store => {
    if (store === null) throw new Error('the store is not open');
    return store;
  };

  registerProbeRoutes(server, {
    nodeId: config.nodeId,
    healthTimeoutMs: config.health.timeoutMs,
    lifecycle,
    registry: metrics.registry,
    dependencyChecks: () =>
      serverDependencyChecks({
        storeKind: storeOptions.kind,
        pingStore: () => openedStore().ping(),
        pingRedis: config.redisUrl === null ? null : () => (redis ?? notOpen('redis')).ping(),
        memoryApiUrl: config.services.memoryApiUrl,
        apiBridgeUrl: config.services.apiBridgeUrl,
      }),
  });
  if (config.web.serve) http.useSpaFallback(registerSpa(server, config.web.distDir));

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

  const redisUrl = config.redisUrl;
  if (redisUrl !== null) {
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
    start: () => (startPromise ??= start()),
    stop: () => lifecycle.stop(),
  };
}

function notOpen(what: string): never {
  throw new Error(`${what} is not connected yet`);
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
