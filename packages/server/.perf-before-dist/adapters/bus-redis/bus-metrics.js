/** The Redis bus's drop counter, registered into the app's registry. */
import { Counter } from 'prom-client';
/** Returns the `onDropped` callback for RedisEventBus. */
export function busDropCounter(registry) {
    const dropped = new Counter({
        name: 'dashboard_bus_messages_dropped_total',
        help: 'Event-bus messages not sent to other replicas because Redis was unavailable.',
        registers: [registry],
    });
    return () => dropped.inc();
}
//# sourceMappingURL=bus-metrics.js.map