/**
 * Alerts: evaluates the rules (domain/bridge/alert-rules.ts) against measured facts, keeps one
 * alert per condition, and queues webhook deliveries.
 *
 *  - a condition with no active alert opens one (`opened` delivered to every webhook);
 *  - a condition that still holds stamps its alert (lastSeenAt, occurrences);
 *  - an active alert whose condition no longer holds is cleared: an open one is resolved by `auto`
 *    (`resolved` delivered); one a person resolved earlier just frees its key;
 *  - resolve (a person): open → resolved (`resolved` delivered). While the condition keeps
 *    holding it does not open again; once it clears and comes back, a new alert opens.
 * Every change is published on the `alerts` topic. Several evaluators may run (one per replica
 * until a leader lock is wired): the store's unique active key keeps alerts single.
 */
import type { Alert, AlertKind, AlertStatus, DependencyHealth } from '@dash/shared';
import { type AlertThresholds } from '../../../domain/bridge/alert-rules.js';
import type { AlertDeliveryRepository } from '../../../ports/alert-delivery-repository.js';
import type { AlertFactsSource } from '../../../ports/alert-facts.js';
import type { AlertRepository } from '../../../ports/alert-repository.js';
import type { Clock } from '../../../ports/clock.js';
import type { EventBus } from '../../../ports/event-bus.js';
import type { Logger } from '../../../ports/logger.js';
export declare const ALERTS_TOPIC: "alerts";
export interface WebhookTargetRef {
    id: string;
    origin: string;
}
export interface AlertServiceDeps {
    alerts: AlertRepository;
    deliveries: AlertDeliveryRepository;
    facts: AlertFactsSource;
    /** The /health dependency probes. */
    dependencies: () => Promise<DependencyHealth[]>;
    /** Runs waiting for a human (not stuck). */
    waitingForInput: () => Promise<ReadonlySet<string>>;
    thresholds: AlertThresholds;
    targets: readonly WebhookTargetRef[];
    bus: EventBus;
    clock: Clock;
    logger: Logger;
    newId: () => string;
    /** A delivery was queued (the sender may go at once). */
    onQueued?: () => void;
}
export interface EvaluationResult {
    opened: Alert[];
    resolved: Alert[];
    stillOpen: number;
}
export declare class AlertService {
    private readonly deps;
    constructor(deps: AlertServiceDeps);
    evaluate(): Promise<EvaluationResult>;
    resolve(id: string, actor: string): Promise<Alert>;
    get(id: string): Promise<Alert>;
    list(filter: {
        status?: AlertStatus;
        kind?: AlertKind;
        limit: number;
    }): Promise<Alert[]>;
    private changed;
}
