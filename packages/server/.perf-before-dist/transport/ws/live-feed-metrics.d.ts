/**
 * Prometheus metrics of the live feed, registered into the app's registry: connected clients,
 * frames sent, and disconnects by reason (a bounded label set).
 */
import { type Registry } from 'prom-client';
export type DisconnectReason = 'client' | 'slow_consumer' | 'heartbeat_timeout' | 'going_away' | 'protocol' | 'unauthorized';
export interface LiveFeedMetrics {
    messageSent(): void;
    disconnected(reason: DisconnectReason): void;
}
export declare function createLiveFeedMetrics(registry: Registry, clients: () => number): LiveFeedMetrics;
export declare const noopLiveFeedMetrics: LiveFeedMetrics;
