import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { NotificationLog } from '../../ports/notification-log.js';
import type { WebhookSender } from '../../ports/webhook-sender.js';
export declare const NOTIFICATION_TOPICS: readonly ["tasks", "input-requests", "workflows"];
export interface NotificationTarget {
    id: string;
    origin: string;
    secretUrl: string;
}
export interface NotificationWebhooksDeps {
    bus: EventBus;
    log: NotificationLog;
    sender: WebhookSender;
    targets: readonly NotificationTarget[];
    signingSecret: string | null;
    maxAttempts: number;
    backoffMs: number;
    timeoutMs: number;
    clock: Clock;
    logger: Logger;
}
export declare class NotificationWebhooks {
    #private;
    private readonly deps;
    constructor(deps: NotificationWebhooksDeps);
    start(): void;
    /** Stops listening, drops pending retries, waits for requests in flight. */
    stop(): Promise<void>;
    /** Resolves when nothing is being sent (tests). */
    idle(): Promise<void>;
    private heard;
    private claimAndSend;
    private attempt;
    private track;
}
