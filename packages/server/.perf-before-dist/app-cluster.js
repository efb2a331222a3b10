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
 *                             that is still draining for dead;
 *   registerReplicaRecovery   AFTER the dispatcher: the leader (LeaderLock `replica-recovery`)
 *                             marks dead replicas' runs lost and has the dispatcher settle their
 *                             tasks; it stops before the dispatcher does.
 *   runControl                stop / follow-up for the run routes and the task service; the
 *                             listener for requests addressed here starts with the recovery.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { KyselyReplicaRepository } from './adapters/store/kysely-replica-repository.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { leaderLockFor } from './app-scheduler.js';
import { systemClock } from './ports/clock.js';
import { ReplicaHeartbeat } from './services/cluster/replica-heartbeat.js';
import { ReplicaRecovery } from './services/cluster/replica-recovery.js';
import { RunControl } from './services/cluster/run-control.js';
import { clusterRoutes } from './transport/http/routes/cluster-routes.js';
import { Counter } from 'prom-client';
export function createCluster(ctx) {
    const { config } = ctx;
    const log = ctx.logger.child({ component: 'cluster' });
    const scaledOut = config.databaseUrl !== null;
    const instance = randomUUID();
    let cached = null;
    const replicas = () => {
        const open = ctx.store();
        if (cached?.store !== open)
            cached = { store: open, repo: new KyselyReplicaRepository(storeDatabaseOf(open).db) };
        return cached.repo;
    };
    const runService = () => ctx.runs().runService;
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
            list: async () => {
                const [rows, active] = scaledOut ? await Promise.all([replicas().list(), ctx.runs().runs.listActive()]) : [[], []];
                const perNode = new Map();
                for (const run of active)
                    if (run.nodeId !== null)
                        perNode.set(run.nodeId, (perNode.get(run.nodeId) ?? 0) + 1);
                return { self: config.nodeId, items: rows.map((r) => ({ ...r, activeRuns: perNode.get(r.nodeId) ?? 0 })) };
            },
        });
    }
    return {
        control,
        registerHeartbeat() {
            if (!scaledOut || !ctx.agents)
                return;
            let heartbeat = null;
            ctx.lifecycle.register({
                name: 'replica-heartbeat',
                async start() {
                    heartbeat = new ReplicaHeartbeat({
                        replicas: replicas(),
                        runs: { listActive: (nodeId) => ctx.runs().runs.listActive(nodeId) },
                        local: {
                            // The run services open after this component: until then nothing runs here.
                            liveRunIds: () => {
                                try {
                                    return runService().activeRuns().map((r) => r.id);
                                }
                                catch {
                                    return [];
                                }
                            },
                            abandon: (runId) => runService().abandon(runId),
                        },
                        clock: systemClock,
                        logger: log,
                        self: { nodeId: config.nodeId, role: config.role.name, instance, address: advertisedAddress(config), pid: process.pid },
                        intervalMs: config.cluster.heartbeatMs,
                    });
                    await heartbeat.start();
                },
                async stop() {
                    await heartbeat?.stop();
                    heartbeat = null;
                },
            });
        },
        registerRecovery(dispatcher) {
            const recovered = new Counter({
                name: 'dashboard_replica_runs_recovered_total',
                help: 'Runs of dead replicas marked lost and settled by this replica',
                registers: [ctx.metricsRegistry],
            });
            let recovery = null;
            ctx.lifecycle.register({
                name: 'replica-recovery',
                start() {
                    control.start();
                    if (!scaledOut || !ctx.agents)
                        return;
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
function advertisedAddress(config) {
    if (config.http.port === 0)
        return null;
    const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? hostname() : config.http.host;
    return `${host.includes(':') ? `[${host}]` : host}:${config.http.port}`;
}
//# sourceMappingURL=app-cluster.js.map