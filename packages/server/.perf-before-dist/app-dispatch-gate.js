import { KyselyDispatchGateRepository } from './adapters/store/kysely-dispatch-gate-repository.js';
import { systemClock } from './ports/clock.js';
import { DispatchGate } from './services/budgets/dispatch-gate.js';
export function createDispatchGate(ctx) {
    const b = ctx.config.budgets;
    return new DispatchGate({
        repo: new KyselyDispatchGateRepository(ctx.db),
        readEvents: ctx.readEvents,
        clock: systemClock,
        logger: ctx.logger,
        limits: {
            globalUsdPerDay: b.dailyUsd,
            taskUsd: b.taskUsd,
            softRatio: b.softRatio,
            rateLimitBackoffMs: b.rateLimitBackoffMs,
            rateLimitMaxPauseMs: b.rateLimitMaxPauseMs,
        },
    });
}
//# sourceMappingURL=app-dispatch-gate.js.map