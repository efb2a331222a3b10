/**
 * Composition of the Scheduler (part of the composition root): its run history in the store, its
 * metrics, and leader locks picked by store kind — a PostgreSQL advisory lock on a dedicated
 * connection with DATABASE_URL, else a file lock in DATA_DIR/locks (embedded mode: one process). Jobs
 * are added by the features that own them (app-memory-schedule.ts) before start. It starts after
 * the components its jobs use and stops before them (register it after them).
 */
import { join } from 'node:path';
import { PostgresLeaderLock } from './adapters/leader-lock/postgres-leader-lock.js';
import { SqliteFileLeaderLock } from './adapters/leader-lock/sqlite-file-leader-lock.js';
import { KyselyScheduledJobRepository } from './adapters/store/kysely-scheduled-job-repository.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { postgresClientConfig } from './adapters/store/postgres-connection.js';
import { createSchedulerMetrics } from './observability/scheduler-metrics-prometheus.js';
import { systemClock } from './ports/clock.js';
import { Scheduler } from './services/scheduler/scheduler.js';
export function registerScheduler(ctx) {
    const { config } = ctx;
    const log = ctx.logger.child({ component: 'scheduler' });
    // The store opens at start: look its database up per call.
    const runs = {
        record: (run, keep) => new KyselyScheduledJobRepository(storeDatabaseOf(ctx.store()).db).record(run, keep),
        recent: (job, limit) => new KyselyScheduledJobRepository(storeDatabaseOf(ctx.store()).db).recent(job, limit),
    };
    const scheduler = new Scheduler({ runs, metrics: createSchedulerMetrics(ctx.metricsRegistry), clock: systemClock, logger: log, nodeId: config.nodeId });
    ctx.lifecycle.register({ name: 'scheduler', start: () => scheduler.start(), stop: () => scheduler.stop() });
    return { scheduler, runs, leaderLock: (name) => leaderLockFor(config, name, log) };
}
/**
 * The leader lock named `name` for this deployment: on PostgreSQL an advisory lock shared by every
 * process on DATABASE_URL; in embedded mode a file lock in DATA_DIR/locks. For any job that one
 * process must run alone (the memory cleanup, the bridge's alert loop).
 */
export function leaderLockFor(config, name, logger) {
    const databaseUrl = config.databaseUrl;
    return databaseUrl === null
        ? new SqliteFileLeaderLock({ name, file: join(config.dataDir, 'locks', `leader-${name}.lock`), logger })
        : new PostgresLeaderLock({ name, client: postgresClientConfig({ url: databaseUrl, applicationName: `dash-leader-${config.nodeId}` }), logger });
}
//# sourceMappingURL=app-scheduler.js.map