/**
 * Prometheus metrics of the live feed, registered into the app's registry: connected clients,
 * frames sent, and disconnects by reason (a bounded label set).
 */
import { Counter, Gauge } from 'prom-client';
export function createLiveFeedMetrics(registry, clients) {
    new Gauge({
        name: 'dashboard_ws_clients',
        help: 'WebSocket live-feed connections open on this node.',
        registers: [registry],
        collect() {
            this.set(clients());
        },
    });
    const sent = new Counter({
        name: 'dashboard_ws_messages_sent_total',
        help: 'Frames sent to live-feed clients (events, replies, heartbeats).',
        registers: [registry],
    });
    const disconnects = new Counter({
        name: 'dashboard_ws_disconnects_total',
        help: 'Live-feed connections that ended, by reason.',
        labelNames: ['reason'],
        registers: [registry],
    });
    return {
        messageSent: () => sent.inc(),
        disconnected: (reason) => disconnects.inc({ reason }),
    };
}
export const noopLiveFeedMetrics = { messageSent: () => undefined, disconnected: () => undefined };
//# sourceMappingURL=live-feed-metrics.js.map