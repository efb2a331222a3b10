/**
 * The live-feed gateway: `GET /ws` on the API port (@fastify/websocket), the shared topic feeds
 * fed from the event bus, heartbeats, and the lifecycle hooks. Draining tells every client
 * going-away (1001) so it reconnects to a replica that is serving; new upgrades are already
 * refused by the HTTP gate (503) once the server is not `ready`.
 *
 * Routes are registered before start() (like the REST routes), so run services are looked up per
 * subscription through `runs`.
 */
import websocket from '@fastify/websocket';
import { LIVE_FEED_PATH, liveCloseCodes, type StaticLiveTopic } from '@dash/shared';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import type { WebSocket } from 'ws';
import type { LifecycleComponent } from '../../lifecycle/lifecycle.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { RunEventLog } from '../../services/run-events/run-event-log.js';
import type { Principal } from '../../domain/auth/principal.js';
import { AUTH_REVOKED_TOPIC, revocationCovers, type Revocation } from '../../services/auth/auth-types.js';
import '../http/auth/access-types.js';
import { LiveConnection, type ConnectionContext } from './live-connection.js';
import { createLiveFeedMetrics, noopLiveFeedMetrics } from './live-feed-metrics.js';
import { MetricsFeed, type LiveMetricsProviders } from './metrics-feed.js';
import type { RunFeedSource } from './run-feed.js';
import { TopicFeed } from './topic-feed.js';

export interface LiveFeedOptions {
  /** Sent in `welcome`; the node id. */
  serverId: string;
  /** Protocol ping + `heartbeat` frame interval. @default 15 s */
  heartbeatMs: number;
  /** Unanswered pings before a client is terminated. @default 2 */
  missedHeartbeats: number;
  /** Per-client outgoing buffer before 4008. @default 4 MiB */
  maxBufferedBytes: number;
  /** Per-client unwritten frames before 4008. @default 10,000 */
  maxQueuedMessages: number;
  /** Messages kept per non-run topic for resuming clients. @default 1,000 */
  ringSize: number;
  /** `metrics` snapshot interval. @default 2 s */
  metricsIntervalMs: number;
  /** Largest client message. @default 64 KiB */
  maxMessageBytes: number;
  /** How long going-away waits for clients to close before cutting them. @default 1 s */
  closeGraceMs: number;
  /**
   * How long a socket we closed (4008, 1001) may take to finish the closing handshake before it
   * is destroyed; bounds the memory a client that never reads again can hold. @default 10 s
   */
  closeTimeoutMs: number;
}

export const defaultLiveFeedOptions: Omit<LiveFeedOptions, 'serverId'> = {
  heartbeatMs: 15_000,
  missedHeartbeats: 2,
  maxBufferedBytes: 4 * 1024 * 1024,
  maxQueuedMessages: 10_000,
  ringSize: 1_000,
  metricsIntervalMs: 2_000,
  maxMessageBytes: 64 * 1024,
  closeGraceMs: 1_000,
  closeTimeoutMs: 10_000,
};

/**
 * Credential checks for open connections. The upgrade itself is authenticated by the HTTP access
 * hook (`/ws` needs the viewer role); afterwards a connection is closed with 4001 as soon as its
 * credential is revoked (the `auth.revoked` bus topic, from any replica) or no longer valid
 * (checked on every heartbeat, which also catches expiry and a revocation message the bus lost).
 */
export interface LiveFeedAuth {
  stillValid(principal: Principal): Promise<boolean>;
}

export interface LiveFeedDeps {
  bus: EventBus;
  /** Throws while the run services are not open. */
  runs: () => RunFeedSource;
  metricsProviders: LiveMetricsProviders;
  /** Where dashboard_ws_* metrics go; none when absent. */
  registry?: Registry;
  logger: Logger;
  auth: LiveFeedAuth;
}

export interface LiveFeed {
  /** Adds `GET /ws`; call before the server starts listening. */
  register(server: FastifyInstance): void;
  /** start: follow the bus topics and beat; drain: going-away; stop: close what is left. */
  readonly component: LifecycleComponent;
  /**
   * The bus may have lost messages: subscribers of bus-fed topics are told to refetch, and run
   * subscriptions re-read what they missed from the store.
   */
  busGap(): void;
  readonly clientCount: number;
}

/** Bus topics carried to clients under the same names (payload: the changed entity). */
const BUS_TOPICS = ['tasks', 'employees', 'workflows', 'input-requests', 'alerts'] as const satisfies readonly StaticLiveTopic[];

export function createLiveFeed(deps: LiveFeedDeps, overrides: Partial<LiveFeedOptions> & { serverId: string }): LiveFeed {
  const options: LiveFeedOptions = { ...defaultLiveFeedOptions, ...overrides };
  const logger = deps.logger;
  const connections = new Set<LiveConnection>();
  const metrics = deps.registry ? createLiveFeedMetrics(deps.registry, () => connections.size) : noopLiveFeedMetrics;
  const epoch = `${options.serverId}:${randomUUID().slice(0, 8)}`;

  let metricsFeed: MetricsFeed | null = null;
  const feeds: Record<StaticLiveTopic, TopicFeed> = {
    tasks: new TopicFeed('tasks', epoch, { ringSize: options.ringSize }),
    employees: new TopicFeed('employees', epoch, { ringSize: options.ringSize }),
    workflows: new TopicFeed('workflows', epoch, { ringSize: options.ringSize }),
    'input-requests': new TopicFeed('input-requests', epoch, { ringSize: options.ringSize }),
    alerts: new TopicFeed('alerts', epoch, { ringSize: options.ringSize }),
    // Snapshots: a new subscriber gets the current one at once; a short ring suffices to resume.
    metrics: new TopicFeed('metrics', epoch, { ringSize: 30, latestMaxAgeMs: options.metricsIntervalMs * 2 }, (n) =>
      metricsFeed?.listenersChanged(n),
    ),
  };
  metricsFeed = new MetricsFeed(deps.metricsProviders, (snapshot) => feeds.metrics.publish(snapshot), {
    serverId: options.serverId,
    intervalMs: options.metricsIntervalMs,
    logger,
  });

  const context: Omit<ConnectionContext, 'principal'> = {
    serverId: options.serverId,
    heartbeatMs: options.heartbeatMs,
    limits: options,
    topic: (name) => feeds[name],
    runs: deps.runs,
    metrics,
    logger,
  };

  let closing = false;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  const unsubscribes: (() => void)[] = [];

  const accept = (socket: WebSocket, request: FastifyRequest): void => {
    if (closing) {
      socket.close(1001, 'server shutting down');
      return;
    }
    const principal = request.principal;
    if (principal === null) {
      // The access hook refuses the upgrade first; this only guards a misconfigured route.
      socket.close(liveCloseCodes.unauthorized, 'not authenticated');
      return;
    }
    const connection = new LiveConnection(socket, { ...context, principal, logger: request.log as Logger });
    connections.add(connection);
    void connection.closed.then(() => connections.delete(connection));
    // A revocation published between the access hook and now found no connection to close.
    check(connection);
  };

  /** Closes connections whose credential no longer holds (one check per connection at a time). */
  const checking = new WeakSet<LiveConnection>();
  const check = (connection: LiveConnection): void => {
    if (checking.has(connection)) return;
    checking.add(connection);
    deps.auth
      .stillValid(connection.principal)
      .then((valid) => {
        if (!valid) connection.unauthorized();
      })
      .catch((err: unknown) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'live-feed credential check failed'))
      .finally(() => checking.delete(connection));
  };
  const revalidate = (): void => {
    for (const connection of connections) check(connection);
  };

  const terminateAll = (): void => {
    for (const connection of connections) connection.terminate();
  };

  return {
    register(server) {
      // closeTimeout is a ws option that @types/ws does not declare yet.
      const wsOptions = { maxPayload: options.maxMessageBytes, closeTimeout: options.closeTimeoutMs };
      void server.register(websocket, {
        options: wsOptions,
        // Clients normally leave during drain; whatever is left when the server closes is cut.
        preClose(done) {
          terminateAll();
          done();
        },
        errorHandler(error, socket, request) {
          request.log.debug({ err: error.message }, 'live-feed socket error');
          socket.terminate();
        },
      });
      // An upgrade refused before @fastify/websocket saw it (the HTTP gate's 503 while starting or
      // draining) leaves a raw, half-open socket that nothing closes, and server.close() would wait
      // for it forever: close it once the refusal has been written.
      server.addHook('onResponse', (request, reply, done) => {
        if (request.ws !== true && isUpgrade(request)) reply.raw.socket?.destroy();
        done();
      });
      void server.register(async (app) => {
        app.get(LIVE_FEED_PATH, { websocket: true, config: { access: 'viewer' } }, accept);
      });
    },
    component: {
      name: 'live-feed',
      start() {
        for (const topic of BUS_TOPICS) unsubscribes.push(deps.bus.subscribe(topic, (entity) => feeds[topic].publish(entity)));
        unsubscribes.push(
          deps.bus.subscribe<Revocation>(AUTH_REVOKED_TOPIC, (revocation) => {
            for (const connection of connections) if (revocationCovers(revocation, connection.principal)) connection.unauthorized();
          }),
        );
        heartbeat = setInterval(() => {
          const now = Date.now();
          for (const connection of connections) connection.heartbeat(now);
          revalidate();
        }, options.heartbeatMs);
        heartbeat.unref?.();
      },
      async drain(signal) {
        closing = true;
        const open = [...connections];
        for (const connection of open) connection.goingAway();
        await settleWithin(Promise.all(open.map((c) => c.closed)), options.closeGraceMs, signal);
        terminateAll();
      },
      stop() {
        closing = true;
        if (heartbeat) clearInterval(heartbeat);
        heartbeat = null;
        for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
        metricsFeed?.stop();
        terminateAll();
      },
    },
    busGap() {
      logger.warn({ clients: connections.size }, 'event bus may have lost messages; live-feed subscribers catch up');
      // A lost `auth.revoked` message must not keep a revoked connection open.
      revalidate();
      for (const topic of BUS_TOPICS) feeds[topic].markGap();
      for (const connection of connections) connection.refreshRuns();
    },
    get clientCount() {
      return connections.size;
    },
  };
}

/** The run services as the gateway sees them. */
export function runFeedSource(services: { runs: RunRepository; eventLog: RunEventLog }): RunFeedSource {
  return {
    exists: async (runId) => (await services.runs.get(runId)) !== null,
    read: (runId, afterSeq, limit) => services.eventLog.read(runId, afterSeq, limit),
    subscribe: (runId, afterSeq, handler) => services.eventLog.subscribe(runId, afterSeq, handler),
  };
}

const isUpgrade = (request: FastifyRequest): boolean =>
  request.headers.upgrade !== undefined && /\bupgrade\b/i.test(request.headers.connection ?? '');

async function settleWithin(work: Promise<unknown>, ms: number, signal: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  await Promise.race([
    work,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      onAbort = resolve;
      signal.addEventListener('abort', onAbort, { once: true });
    }),
  ]);
  clearTimeout(timer);
  if (onAbort) signal.removeEventListener('abort', onAbort);
}
