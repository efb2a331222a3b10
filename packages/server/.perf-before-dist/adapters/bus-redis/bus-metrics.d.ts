/** The Redis bus's drop counter, registered into the app's registry. */
import { type Registry } from 'prom-client';
/** Returns the `onDropped` callback for RedisEventBus. */
export declare function busDropCounter(registry: Registry): (topic: string) => void;
