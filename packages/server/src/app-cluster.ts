/**
 * Composition of the scale-out machinery (part of the composition root): replica heartbeats,
 * recovery of dead replicas' runs, and run control routed to the owning replica
 * (services/cluster; docs/architecture.md, "Replicas"). Only processes that run agents (api,
 * worker) beat and recover, and only on PostgreSQL: in embedded mode there is one process, and
 * start-up reconciliation covers it. Every process with the task services routes run control.
 *
 *   registerReplicaHeartbeat  BEFORE the `runs` component: it registers before this replica
 *                             reconciles its own runs and records `stopped` only after they are
 *                             drained (stop order is reverse), so no recoverer takes a replica
 *                             that is still draining for dead. With it the self-fence
 *                             (replica-fence.ts): a heartbeat unrenewed for too long stops the
 *                             agents here and pauses the dispatcher's claims and readiness
 *                             (`fencedBecause`) until a beat renews it;
 *   registerReplicaRecovery   AFTER the dispatcher: the leader (LeaderLock `replica-recovery`)
 *                             marks dead replicas' runs lost and has the dispatcher settle their
 *                             tasks; it stops before the dispatcher does.
 *   runControl                stop / follow-up for the run routes and the task service; the
 *                             listener for requests addressed here starts with the recovery.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ClusterReplicaList } from '@dash/shared';
import { KyselyReplicaRepository } from './adapters/store/kysely-replica-repository.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { leaderLockFor } from './app-scheduler.js';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import { systemClock } from './ports/clock.js';
import type { EventBus } from './ports/event-bus.js';
import type { ReplicaRepository } from './ports/replica-repository.js';
import type { Store } from './ports/store.js';
import { fenceAfter, ReplicaFence } from './services/cluster/replica-fence.js';
import { ReplicaHeartbeat } from './services/cluster/replica-heartbeat.js';
import { ReplicaRecovery } from './services/cluster/replica-recovery.js';
import { RunControl } from './services/cluster/run-control.js';
import type { Dispatcher } from './services/dispatch/dispatcher.js';
import type { RunRoutesDeps } from './transport/http/routes/run-routes.js';
import { clusterRoutes } from './transport/http/routes/cluster-routes.js';
import type { HttpServer } from './transport/http/http-server.js';
import type { Registry } from 'prom-client';
import { Counter, Gauge } from 'prom-client';

export interface ClusterWiring {
  config: Config;
  logger: Logger;
  lifecycle: Lifecycle;
  server: HttpServer;
  bus: EventBus;
  metricsRegistry: Registry;
  store: () => Store;
  runs: () => RunRoutesDeps;
  /** Whether this process serves the REST API (then GET /api/cluster/replicas is registered). */
  routes: boolean;
  /** Whether this process runs agents (api, worker): only those beat and recover. */
  agents: boolean;
}

export interface Cluster {
  /** Stop / follow-up routed to the run's owner. */
  readonly control: RunControl;
  /**
   * Why this replica is fenced (its heartbeat went unrenewed: agents stopped, no claims, not
   * ready), or null. Always null where no heartbeat runs.
   */
  fencedBecause(): string | null;
  /** Registers the heartbeat component; call right before the `runs` component is registered. */
  registerHeartbeat(): void;
  /** Registers recovery and the run-control listener; call after the dispatcher's component. */
  registerRecovery(dispatcher: () => Dispatcher | null): void;
}

export function createCluster(ctx: ClusterWiring): Cluster {
  const { config } = ctx;
  const log = ctx.logger.child({ component: 'cluster' });
  const scaledOut = config.databaseUrl !== null;
  const instance = randomUUID();
  let cached: { store: Store; repo: ReplicaRepository } | null = null;
  const replicas = (): ReplicaRepository => {
    const open = ctx.store();
    if (cached?.store !== open) cached = { store: open, repo: new KyselyReplicaRepository(storeDatabaseOf(open).db) };
    return cached.repo;
  };
  const runService = () => ctx.runs().runService;
  /** The run service, or null before the run services open (they start after the heartbeat). */
  const openRunService = () => {
    try {
      return runService();
    } catch {
      return null;
    }
  };
  let fence: ReplicaFence | null = null;
  let dispatcherOf: () => Dispatcher | null = () => null;
  /** The dispatcher, or null where none runs or while it is not open. */
  const openDispatcher = () => {
    try {
      return dispatcherOf();
    } catch {
      return null;
    }
  };

  const control = new RunControl({
    nodeId: config.nodeId,
    runs: {
      stop: (id) => runService().stop(id),
      followUp: (id, text) => runService().followUp(id, text),
      get: (id) => runService().get(id),
      isLive: (id) => runService().isLive(id),
    },
    isAlive: async (nodeId) => scaledOut && (await replicas().list()).some((r) => r.nodeId === nodeId && r.state === 'alive'),
    bus: ctx.bus,
    newId: randomUUID,
    logger: log,
    timeoutMs: config.cluster.controlTimeoutMs,
    stopGraceMs: config.agents.stopGraceMs,
  });

  if (ctx.routes) {
    void ctx.server.register(clusterRoutes, {
      list: async (): Promise<ClusterReplicaList> => {
        const [rows, active] = scaledOut ? await Promise.all([replicas().list(), ctx.runs().runs.listActive()]) : [[], []];
        const perNode = new Map<string, number>();
        for (const run of active) if (run.nodeId !== null) perNode.set(run.nodeId, (perNode.get(run.nodeId) ?? 0) + 1);
        return { self: config.nodeId, items: rows.map((r) => ({ ...r, activeRuns: perNode.get(r.nodeId) ?? 0 })) };
      },
    });
  }

  return {
    control,
    fencedBecause: () => fence?.reason ?? null,
    registerHeartbeat() {
      if (!scaledOut || !ctx.agents) return;
      const fencedGauge = new Gauge({
        name: 'dashboard_replica_fenced',
        help: '1 while this replica is fenced: its heartbeat went unrenewed, its agents were stopped, it claims no work',
        registers: [ctx.metricsRegistry],
      });
      const timing = fenceAfter({ deadAfterMs: config.cluster.deadAfterMs, heartbeatMs: config.cluster.heartbeatMs, stopGraceMs: config.agents.stopGraceMs });
      let heartbeat: ReplicaHeartbeat | null = null;
      ctx.lifecycle.register({
        name: 'replica-heartbeat',
        async start() {
          if (!timing.stopFits) {
            log.warn(
              {
                fenceAfterMs: timing.ms,
                deadAfterMs: config.cluster.deadAfterMs,
                stopGraceMs: config.agents.stopGraceMs,
                minDeadAfterMs: 2 * config.cluster.heartbeatMs + 4 * config.agents.stopGraceMs,
              },
              'REPLICA_DEAD_AFTER is short next to AGENT_STOP_GRACE: a replica that cannot renew its heartbeat fences itself after half of it, and an agent that ignores SIGINT may outlive the moment its runs can be recovered elsewhere; raise REPLICA_DEAD_AFTER to 2 × REPLICA_HEARTBEAT_INTERVAL + 4 × AGENT_STOP_GRACE or more',
            );
          }
          const replicaFence = new ReplicaFence({
            target: {
              fence: async (why) => (await openRunService()?.fence(why)) ?? 0,
              unfence: async (owner) => {
                await openRunService()?.settleFenced(owner);
                // A task whose run was recovered elsewhere meanwhile kept its job here (held under
                // this replica's lease), so the recoverer's enqueue was a no-op and settling the run
                // here completed the job: once that is recorded, queued tasks are enqueued again.
                const dispatcher = openDispatcher();
                if (dispatcher === null) return;
                await dispatcher.idle();
                await dispatcher.resync();
              },
            },
            clock: systemClock,
            logger: log,
            fenceAfterMs: timing.ms,
            onChange: (why) => fencedGauge.set(why === null ? 0 : 1),
          });
          fence = replicaFence;
          heartbeat = new ReplicaHeartbeat({
            replicas: replicas(),
            runs: { listActive: (nodeId) => ctx.runs().runs.listActive(nodeId) },
            local: {
              // The run services open after this component: until then nothing runs here.
              liveRunIds: () => openRunService()?.activeRuns().map((r) => r.id) ?? [],
              abandon: (runId) => runService().abandon(runId),
            },
            clock: systemClock,
            logger: log,
            self: { nodeId: config.nodeId, role: config.role.name, instance, address: advertisedAddress(config), pid: process.pid },
            intervalMs: config.cluster.heartbeatMs,
            renewed: (sentAt, owner) => replicaFence.renewed(sentAt, owner),
          });
          await heartbeat.start();
        },
        async stop() {
          await heartbeat?.stop();
          heartbeat = null;
          await fence?.stop();
        },
      });
    },
    registerRecovery(dispatcher) {
      dispatcherOf = dispatcher;
      const recovered = new Counter({
        name: 'dashboard_replica_runs_recovered_total',
        help: 'Runs of dead replicas marked lost and settled by this replica',
        registers: [ctx.metricsRegistry],
      });
      let recovery: ReplicaRecovery | null = null;
      ctx.lifecycle.register({
        name: 'replica-recovery',
        start() {
          control.start();
          if (!scaledOut || !ctx.agents) return;
          recovery = new ReplicaRecovery({
            replicas: replicas(),
            runs: { listActive: () => ctx.runs().runs.listActive() },
            leader: leaderLockFor(config, 'replica-recovery', log),
            reconcileNode: (nodeId, why) => runService().reconcile({ nodeId, why }),
            settleLost: async (runs) => {
              await dispatcher()?.recoverRuns(runs);
            },
            onRecovered: (_nodeId, runs) => recovered.inc(runs),
            clock: systemClock,
            logger: log,
            selfNodeId: config.nodeId,
            deadAfterMs: config.cluster.deadAfterMs,
            intervalMs: config.cluster.heartbeatMs,
          });
          recovery.start();
        },
        async stop() {
          control.stop();
          await recovery?.stop();
          recovery = null;
        },
      });
    },
  };
}

/** host:port for operators: the listen address, or the host name when listening on every interface. */
function advertisedAddress(config: Config): string | null {
  if (config.http.port === 0) return null;
  const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? hostname() : config.http.host;
  return `${host.includes(':') ? `[${host}]` : host}:${config.http.port}`;
}
