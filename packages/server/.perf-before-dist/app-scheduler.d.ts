import type { Registry } from 'prom-client';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import type { LeaderLock } from './ports/leader-lock.js';
import type { ScheduledJobRepository } from './ports/scheduled-job-repository.js';
import type { Store } from './ports/store.js';
import { Scheduler } from './services/scheduler/scheduler.js';
export interface SchedulerWiring {
    config: Config;
    logger: Logger;
    lifecycle: Lifecycle;
    metricsRegistry: Registry;
    store: () => Store;
}
export interface RegisteredScheduler {
    readonly scheduler: Scheduler;
    /** The recorded runs (readable whether or not a job is scheduled here). */
    readonly runs: ScheduledJobRepository;
    /** A leader lock for one job, shared by every process on the same store. */
    leaderLock(name: string): LeaderLock;
}
export declare function registerScheduler(ctx: SchedulerWiring): RegisteredScheduler;
/**
 * The leader lock named `name` for this deployment: on PostgreSQL an advisory lock shared by every
 * process on DATABASE_URL; in embedded mode a file lock in DATA_DIR/locks. For any job that one
 * process must run alone (the memory cleanup, the bridge's alert loop).
 */
export declare function leaderLockFor(config: Config, name: string, logger: Logger): LeaderLock;
