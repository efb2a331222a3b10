import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { LifecycleComponent } from '../../lifecycle/lifecycle.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { RunEventLog } from '../../services/run-events/run-event-log.js';
import type { Principal } from '../../domain/auth/principal.js';
import '../http/auth/access-types.js';
import { type LiveMetricsProviders } from './metrics-feed.js';
import type { RunFeedSource } from './run-feed.js';
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
export declare const defaultLiveFeedOptions: Omit<LiveFeedOptions, 'serverId'>;
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
export declare function createLiveFeed(deps: LiveFeedDeps, overrides: Partial<LiveFeedOptions> & {
    serverId: string;
}): LiveFeed;
/** The run services as the gateway sees them. */
export declare function runFeedSource(services: {
    runs: RunRepository;
    eventLog: RunEventLog;
}): RunFeedSource;
