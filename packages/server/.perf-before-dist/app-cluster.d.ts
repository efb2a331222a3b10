import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import type { EventBus } from './ports/event-bus.js';
import type { Store } from './ports/store.js';
import { RunControl } from './services/cluster/run-control.js';
import type { Dispatcher } from './services/dispatch/dispatcher.js';
import type { RunRoutesDeps } from './transport/http/routes/run-routes.js';
import type { HttpServer } from './transport/http/http-server.js';
import type { Registry } from 'prom-client';
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
    /** Registers the heartbeat component; call right before the `runs` component is registered. */
    registerHeartbeat(): void;
    /** Registers recovery and the run-control listener; call after the dispatcher's component. */
    registerRecovery(dispatcher: () => Dispatcher | null): void;
}
export declare function createCluster(ctx: ClusterWiring): Cluster;
