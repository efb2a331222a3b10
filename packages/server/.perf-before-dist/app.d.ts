import { type StoreOptions } from './adapters/store/open-store.js';
import type { Config } from './config/config.js';
import { Lifecycle } from './lifecycle/lifecycle.js';
import { type Logger } from './observability/logger.js';
import { type Metrics, type MetricsProviders } from './observability/metrics.js';
import type { Store } from './ports/store.js';
import { type HttpServer } from './transport/http/http-server.js';
import { type RunRoutesDeps } from './transport/http/routes/run-routes.js';
import type { RouteAccess } from './transport/http/auth/access-types.js';
import { type LiveFeedOptions } from './transport/ws/live-feed-gateway.js';
export declare const SQLITE_FILE_NAME = "dashboard.sqlite";
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
    start(): Promise<{
        url: string;
    }>;
    /** Graceful stop (drain, then close in reverse). Idempotent. */
    stop(): Promise<void>;
}
/** Embedded SQLite in DATA_DIR unless DATABASE_URL names a PostgreSQL server. */
export declare function storeOptionsFrom(config: Config): StoreOptions;
export declare function createApp(config: Config, overrides?: AppOverrides): App;
