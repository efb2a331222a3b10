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
import type { Alert, AlertDeliveryEvent, AlertKind, AlertStatus, DependencyHealth } from '@dash/shared';
import { AppError } from '../../../domain/app-error.js';
import { alertConditions, type AlertThresholds } from '../../../domain/bridge/alert-rules.js';
import type { AlertDeliveryRepository } from '../../../ports/alert-delivery-repository.js';
import type { AlertFactsSource } from '../../../ports/alert-facts.js';
import type { AlertRepository } from '../../../ports/alert-repository.js';
import type { Clock } from '../../../ports/clock.js';
import type { EventBus } from '../../../ports/event-bus.js';
import type { Logger } from '../../../ports/logger.js';

export const ALERTS_TOPIC = 'alerts' as const;

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

export class AlertService {
  constructor(private readonly deps: AlertServiceDeps) {}

  async evaluate(): Promise<EvaluationResult> {
    const nowMs = this.deps.clock.now();
    const now = new Date(nowMs).toISOString();
    const t = this.deps.thresholds;
    const dayStart = `${now.slice(0, 10)}T00:00:00.000Z`;
    const [facts, dependencies, waitingForInput, active] = await Promise.all([
      this.deps.facts.read({ silentSince: new Date(nowMs - t.stuckRunAfterMs).toISOString(), dayStart, outcomesPerEmployee: t.failureStreak }),
      this.deps.dependencies(),
      this.deps.waitingForInput(),
      this.deps.alerts.active(),
    ]);
    const conditions = alertConditions({ facts, dependencies, waitingForInput, nowMs }, t);
    const activeByKey = new Map(active.map((a) => [a.key, a]));
    const result: EvaluationResult = { opened: [], resolved: [], stillOpen: 0 };

    for (const c of conditions) {
      const existing = activeByKey.get(c.key);
      activeByKey.delete(c.key);
      if (existing) {
        await this.deps.alerts.seen(existing.id, now);
        if (existing.status === 'open') result.stillOpen += 1;
        continue;
      }
      const opened = await this.deps.alerts.open({ id: this.deps.newId(), ...c, openedAt: now });
      if (opened === null) continue; // another evaluator opened it a moment ago
      result.opened.push(opened);
      await this.changed(opened, 'opened');
      this.deps.logger.warn({ alertId: opened.id, key: opened.key, kind: opened.kind, severity: opened.severity }, `alert: ${opened.title}`);
    }
    for (const gone of activeByKey.values()) {
      const resolved = await this.deps.alerts.clear(gone.id, now);
      if (resolved === null) continue;
      result.resolved.push(resolved);
      await this.changed(resolved, 'resolved');
      this.deps.logger.info({ alertId: resolved.id, key: resolved.key }, `alert resolved: ${resolved.title}`);
    }
    return result;
  }

  async resolve(id: string, actor: string): Promise<Alert> {
    const resolved = await this.deps.alerts.resolve(id, actor, this.deps.clock.isoNow());
    if (resolved === null) {
      const existing = await this.deps.alerts.get(id);
      if (existing === null) throw new AppError('ALERT_NOT_FOUND', { details: { alertId: id } });
      throw new AppError('ALERT_ALREADY_RESOLVED', { details: { alertId: id, resolvedBy: existing.resolvedBy } });
    }
    await this.changed(resolved, 'resolved');
    return resolved;
  }

  async get(id: string): Promise<Alert> {
    const alert = await this.deps.alerts.get(id);
    if (alert === null) throw new AppError('ALERT_NOT_FOUND', { details: { alertId: id } });
    return alert;
  }

  list(filter: { status?: AlertStatus; kind?: AlertKind; limit: number }): Promise<Alert[]> {
    return this.deps.alerts.list(filter);
  }

  private async changed(alert: Alert, event: AlertDeliveryEvent): Promise<void> {
    this.deps.bus.publish(ALERTS_TOPIC, alert);
    if (this.deps.targets.length === 0) return;
    const createdAt = this.deps.clock.isoNow();
    await this.deps.deliveries.add(
      this.deps.targets.map((target) => ({ id: this.deps.newId(), alertId: alert.id, event, targetId: target.id, target: target.origin, createdAt })),
    );
    this.deps.onQueued?.();
  }
}
