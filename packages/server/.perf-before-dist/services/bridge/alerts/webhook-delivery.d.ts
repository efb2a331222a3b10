import type { AlertDeliveryRepository } from '../../../ports/alert-delivery-repository.js';
import type { AlertRepository } from '../../../ports/alert-repository.js';
import type { Clock } from '../../../ports/clock.js';
import type { Logger } from '../../../ports/logger.js';
import type { WebhookSender } from '../../../ports/webhook-sender.js';
export interface WebhookTarget {
    id: string;
    secretUrl: string;
}
export interface WebhookDeliveryDeps {
    deliveries: AlertDeliveryRepository;
    alerts: Pick<AlertRepository, 'get'>;
    sender: WebhookSender;
    targets: readonly WebhookTarget[];
    signingSecret: string;
    maxAttempts: number;
    backoffMs: number;
    timeoutMs: number;
    clock: Clock;
    logger: Logger;
}
export declare class WebhookDelivery {
    private readonly deps;
    private running;
    private again;
    constructor(deps: WebhookDeliveryDeps);
    /** Sends everything due now; overlapping calls coalesce. Resolves with the attempts made. */
    deliverDue(): Promise<number>;
    private loop;
    private attempt;
    private failedAttempt;
    private finish;
}
