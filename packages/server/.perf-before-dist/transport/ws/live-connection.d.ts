/**
 * One client of the live feed: validates its messages (bad ones get an `error` frame, the
 * connection stays), holds its subscriptions, and sends with a bound: when the socket's buffer
 * is over `maxBufferedBytes` or more than `maxQueuedMessages` frames are still unwritten, the
 * client is cut off with 4008 instead of being buffered for without limit. Messages are handled
 * one at a time, in arrival order.
 */
import { type StaticLiveTopic } from '@dash/shared';
import type { WebSocket } from 'ws';
import type { Principal } from '../../domain/auth/principal.js';
import type { Logger } from '../../ports/logger.js';
import type { LiveFeedMetrics } from './live-feed-metrics.js';
import { type RunFeedSource } from './run-feed.js';
import type { TopicFeed } from './topic-feed.js';
export interface ConnectionLimits {
    maxBufferedBytes: number;
    maxQueuedMessages: number;
    /** Heartbeats a client may leave unanswered (no pong) before it is terminated. */
    missedHeartbeats: number;
}
export interface ConnectionContext {
    /** Who opened the connection (set by the access hook on the upgrade request). */
    principal: Principal;
    serverId: string;
    heartbeatMs: number;
    limits: ConnectionLimits;
    topic(name: StaticLiveTopic): TopicFeed;
    /** Throws while the run services are not open. */
    runs(): RunFeedSource;
    metrics: LiveFeedMetrics;
    logger: Logger;
}
export declare class LiveConnection {
    private readonly socket;
    private readonly ctx;
    private greeted;
    private closing;
    /** Why the server ended the connection; null while it has not (the client left). */
    private reason;
    private readonly subscriptions;
    private unwritten;
    private missed;
    private queue;
    private readonly sink;
    /** Resolves once the socket has closed. */
    readonly closed: Promise<void>;
    constructor(socket: WebSocket, ctx: ConnectionContext);
    /** Called every heartbeatMs: terminates a client that left too many pings unanswered. */
    heartbeat(now: number): void;
    /**
     * The bus may have lost run events (Redis was unreachable): every run subscription restarts
     * after the last seq it sent, reading what it missed from the store. No duplicate, no gap.
     */
    refreshRuns(): void;
    get principal(): Principal;
    /** The credential was revoked or expired: closes with 4001 (the client signs in again). */
    unauthorized(): void;
    /** Closes with 1001 going-away (the server is shutting down). */
    goingAway(): void;
    /** Cuts the connection without a closing handshake (shutdown, after going-away had its chance). */
    terminate(): void;
    private send;
    private readonly written;
    private sendMessage;
    private error;
    private end;
    /** Stops all sending and counts the disconnect under the server's reason (once). */
    private ended;
    private drained;
    private handle;
    private hello;
    private subscribe;
    private subscribeRun;
    private startRunFeed;
    private drop;
    private dropAll;
    /** A request failed unexpectedly: the client gets an error frame, the log gets the cause. */
    private failed;
}
