import { AppError } from '../../domain/app-error.js';
import { budgetState, utcDayStart } from './budget-math.js';
export const RATE_LIMITED_CODE = 'AGENT_RATE_LIMITED';
/** How many of a run's last events are searched for its result. */
const TAIL_EVENTS = 20;
const usd = (n) => `$${n.toFixed(4).replace(/0{1,2}$/, '')}`;
export class DispatchGate {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    get limits() {
        return this.deps.limits;
    }
    async snapshot(employees) {
        const nowMs = this.deps.clock.now();
        const [pauses, costs] = await Promise.all([
            this.deps.repo.activePauses(new Date(nowMs).toISOString()),
            this.deps.repo.costSince(utcDayStart(nowMs)),
        ]);
        const { globalUsdPerDay } = this.deps.limits;
        const spentAll = costs.get('*') ?? 0;
        const global = globalUsdPerDay !== null && spentAll >= globalUsdPerDay ? `the daily budget of ${usd(globalUsdPerDay)} is spent (${usd(spentAll)} today)` : null;
        const paused = new Map(pauses.map((p) => [p.runtime, p]));
        const blocked = new Map();
        const overBudget = new Set();
        for (const e of employees) {
            const pause = paused.get(e.runtimeConfig.runtime);
            if (pause) {
                blocked.set(e.id, `${e.runtimeConfig.runtime} is paused until ${pause.until} (${pause.reason})`);
                continue;
            }
            const budget = e.runtimeConfig.budgetUsdPerDay;
            const spent = costs.get(e.id) ?? 0;
            if (budget !== null && spent >= budget) {
                blocked.set(e.id, `the daily budget of ${usd(budget)} is spent (${usd(spent)} today)`);
                overBudget.add(e.id);
            }
        }
        const ends = pauses.map((p) => Date.parse(p.until));
        return { global, blocked, overBudget, nextResumeMs: ends.length === 0 ? null : Math.min(...ends) };
    }
    /** Throws TASK_BUDGET_EXCEEDED (not retryable: the task fails) when the task has spent its budget. */
    async checkTask(task) {
        const limit = this.deps.limits.taskUsd;
        if (limit === null)
            return;
        const spent = await this.deps.repo.taskCost(task.id);
        if (spent >= limit) {
            throw new AppError('TASK_BUDGET_EXCEEDED', {
                message: `The task's runs cost ${usd(spent)}, its budget is ${usd(limit)} (BUDGET_TASK_USD)`,
                details: { taskId: task.id, spentUsd: spent, budgetUsd: limit },
            });
        }
    }
    /**
     * A run ended: when it ended on a rate or usage limit, its runtime is paused and the pause is
     * returned (the caller requeues the task for when it ends); null otherwise.
     */
    async rateLimited(run, taskId) {
        if (run === null || run.errorCode !== RATE_LIMITED_CODE)
            return null;
        const result = await this.resultOf(run);
        const nowMs = this.deps.clock.now();
        const { rateLimitBackoffMs, rateLimitMaxPauseMs } = this.deps.limits;
        const reportedMs = result?.resetsAt ? Date.parse(result.resetsAt) : Number.NaN;
        const reported = Number.isFinite(reportedMs) && reportedMs > nowMs;
        const untilMs = reported ? Math.min(reportedMs, nowMs + rateLimitMaxPauseMs) : nowMs + rateLimitBackoffMs;
        const pause = {
            scope: `runtime:${run.runtime}`,
            runtime: run.runtime,
            reason: result?.errorKind === 'usage_limit' ? 'usage_limit' : 'rate_limit',
            until: new Date(untilMs).toISOString(),
            reportedReset: reported,
            runId: run.id,
            taskId,
            createdAt: new Date(nowMs).toISOString(),
        };
        await this.deps.repo.pause(pause);
        this.deps.logger.warn({ runtime: run.runtime, until: pause.until, reportedReset: reported, runId: run.id }, 'runtime hit a rate or usage limit; its dispatch is paused');
        return pause;
    }
    /** Ends a pause now; false when there was none. */
    resume(scope) {
        return this.deps.repo.resume(scope);
    }
    /** Spend against budget (global and per employee) and the pauses in force. */
    async status(employees) {
        const nowMs = this.deps.clock.now();
        const dayStart = utcDayStart(nowMs);
        const [pauses, costs] = await Promise.all([this.deps.repo.activePauses(new Date(nowMs).toISOString()), this.deps.repo.costSince(dayStart)]);
        const { softRatio, globalUsdPerDay, taskUsd } = this.deps.limits;
        const line = (scope, id, name, limit) => {
            const spentUsd = costs.get(id) ?? 0;
            return { scope, id, name, spentUsd, limitUsd: limit, softLimitUsd: limit === null ? null : limit * softRatio, state: budgetState(spentUsd, limit, softRatio) };
        };
        return {
            day: dayStart.slice(0, 10),
            budgets: [
                line('global', '*', 'Everyone', globalUsdPerDay),
                ...employees.map((e) => line('employee', e.id, e.name, e.runtimeConfig.budgetUsdPerDay)),
            ],
            taskBudgetUsd: taskUsd,
            softRatio,
            pauses,
        };
    }
    /** The run's result event, searched among its last events; null when it has none. */
    async resultOf(run) {
        try {
            const events = await this.deps.readEvents(run.id, Math.max(0, run.eventCount - TAIL_EVENTS), TAIL_EVENTS * 2);
            for (let i = events.length - 1; i >= 0; i -= 1) {
                const e = events[i]?.event;
                if (e?.type === 'result')
                    return { errorKind: e.errorKind, resetsAt: e.resetsAt ?? null };
            }
        }
        catch (err) {
            this.deps.logger.warn({ err, runId: run.id }, 'reading the end of a rate-limited run failed; using the backoff');
        }
        return null;
    }
}
//# sourceMappingURL=dispatch-gate.js.map