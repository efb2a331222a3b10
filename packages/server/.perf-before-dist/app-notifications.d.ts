import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import type { EventBus } from './ports/event-bus.js';
import type { Store } from './ports/store.js';
export declare function registerNotifications(ctx: {
    config: Config;
    logger: Logger;
    lifecycle: Lifecycle;
    bus: EventBus;
    store: () => Store;
}): void;
