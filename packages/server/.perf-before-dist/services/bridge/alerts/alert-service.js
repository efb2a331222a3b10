import { AppError } from '../../../domain/app-error.js';
import { alertConditions } from '../../../domain/bridge/alert-rules.js';
export const ALERTS_TOPIC = 'alerts';
export class AlertService {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    async evaluate() {
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
        const result = { opened: [], resolved: [], stillOpen: 0 };
        for (const c of conditions) {
            const existing = activeByKey.get(c.key);
            activeByKey.delete(c.key);
            if (existing) {
                await this.deps.alerts.seen(existing.id, now);
                if (existing.status === 'open')
                    result.stillOpen += 1;
                continue;
            }
            const opened = await this.deps.alerts.open({ id: this.deps.newId(), ...c, openedAt: now });
            if (opened === null)
                continue; // another evaluator opened it a moment ago
            result.opened.push(opened);
            await this.changed(opened, 'opened');
            this.deps.logger.warn({ alertId: opened.id, key: opened.key, kind: opened.kind, severity: opened.severity }, `alert: ${opened.title}`);
        }
        for (const gone of activeByKey.values()) {
            const resolved = await this.deps.alerts.clear(gone.id, now);
            if (resolved === null)
                continue;
            result.resolved.push(resolved);
            await this.changed(resolved, 'resolved');
            this.deps.logger.info({ alertId: resolved.id, key: resolved.key }, `alert resolved: ${resolved.title}`);
        }
        return result;
    }
    async resolve(id, actor) {
        const resolved = await this.deps.alerts.resolve(id, actor, this.deps.clock.isoNow());
        if (resolved === null) {
            const existing = await this.deps.alerts.get(id);
            if (existing === null)
                throw new AppError('ALERT_NOT_FOUND', { details: { alertId: id } });
            throw new AppError('ALERT_ALREADY_RESOLVED', { details: { alertId: id, resolvedBy: existing.resolvedBy } });
        }
        await this.changed(resolved, 'resolved');
        return resolved;
    }
    async get(id) {
        const alert = await this.deps.alerts.get(id);
        if (alert === null)
            throw new AppError('ALERT_NOT_FOUND', { details: { alertId: id } });
        return alert;
    }
    list(filter) {
        return this.deps.alerts.list(filter);
    }
    async changed(alert, event) {
        this.deps.bus.publish(ALERTS_TOPIC, alert);
        if (this.deps.targets.length === 0)
            return;
        const createdAt = this.deps.clock.isoNow();
        await this.deps.deliveries.add(this.deps.targets.map((target) => ({ id: this.deps.newId(), alertId: alert.id, event, targetId: target.id, target: target.origin, createdAt })));
        this.deps.onQueued?.();
    }
}
//# sourceMappingURL=alert-service.js.map