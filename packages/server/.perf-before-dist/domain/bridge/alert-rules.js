const FAILED = new Set(['failed', 'timed_out', 'lost']);
const minutes = (ms) => `${Math.max(1, Math.round(ms / 60_000))} min`;
const usd = (n) => `$${n.toFixed(2)}`;
export function alertConditions(inputs, t) {
    const { facts } = inputs;
    const out = [];
    const active = facts.employees.filter((e) => e.status === 'active');
    const busy = (id) => facts.activeRuns.get(id) ?? 0;
    for (const e of active) {
        const waiting = facts.queuedFor.get(e.id) ?? 0;
        if (busy(e.id) >= e.slotsMax && waiting >= t.workloadBacklog) {
            out.push({
                key: `critical_workload:${e.id}`,
                kind: 'critical_workload',
                severity: 'critical',
                title: `${e.name} is overloaded`,
                message: `All ${e.slotsMax} slots of ${e.name} (${e.id}) are busy and ${waiting} queued tasks wait for them.`,
                subject: { employeeId: e.id, slotsMax: e.slotsMax, slotsUsed: busy(e.id), queued: waiting },
            });
        }
    }
    if (active.length > 0 && active.every((e) => busy(e.id) >= e.slotsMax) && facts.queuedUnassigned >= t.workloadBacklog) {
        out.push({
            key: 'critical_workload:team',
            kind: 'critical_workload',
            severity: 'critical',
            title: 'The whole team is busy',
            message: `Every active employee is at capacity and ${facts.queuedUnassigned} queued tasks wait for anyone.`,
            subject: { activeEmployees: active.length, queued: facts.queuedUnassigned },
        });
    }
    for (const run of facts.silentRuns) {
        if (inputs.waitingForInput.has(run.runId))
            continue;
        const silentMs = inputs.nowMs - Date.parse(run.lastActivityAt);
        if (silentMs < t.stuckRunAfterMs)
            continue;
        out.push({
            key: `stuck_run:${run.runId}`,
            kind: 'stuck_run',
            severity: 'warning',
            title: 'A run looks stuck',
            message: `Run ${run.runId}${run.employeeId ? ` of ${run.employeeId}` : ''} has shown no activity for ${minutes(silentMs)}.`,
            subject: { runId: run.runId, employeeId: run.employeeId, taskId: run.taskId, lastActivityAt: run.lastActivityAt },
        });
    }
    for (const [employeeId, statuses] of facts.recentOutcomes) {
        const latest = statuses.slice(0, t.failureStreak);
        if (latest.length < t.failureStreak || !latest.every((s) => FAILED.has(s)))
            continue;
        out.push({
            key: `failure_streak:${employeeId}`,
            kind: 'failure_streak',
            severity: 'critical',
            title: `${employeeId} keeps failing`,
            message: `The last ${t.failureStreak} finished runs of ${employeeId} failed (${latest.join(', ')}).`,
            subject: { employeeId, streak: t.failureStreak, statuses: latest },
        });
    }
    for (const e of facts.employees) {
        const spent = facts.costSince.get(e.id) ?? 0;
        if (e.budgetUsdPerDay === null || spent <= e.budgetUsdPerDay)
            continue;
        out.push({
            key: `budget_exceeded:${e.id}`,
            kind: 'budget_exceeded',
            severity: 'critical',
            title: `${e.name} is over budget`,
            message: `${e.name} (${e.id}) spent ${usd(spent)} today, over the daily budget of ${usd(e.budgetUsdPerDay)}.`,
            subject: { employeeId: e.id, spentUsd: spent, budgetUsd: e.budgetUsdPerDay },
        });
    }
    const teamSpent = facts.costSince.get('*') ?? 0;
    if (t.dailyBudgetUsd !== null && teamSpent > t.dailyBudgetUsd) {
        out.push({
            key: 'budget_exceeded:team',
            kind: 'budget_exceeded',
            severity: 'critical',
            title: 'The team is over budget',
            message: `The team spent ${usd(teamSpent)} today, over ALERT_DAILY_BUDGET_USD (${usd(t.dailyBudgetUsd)}).`,
            subject: { spentUsd: teamSpent, budgetUsd: t.dailyBudgetUsd },
        });
    }
    out.push(...softBudgetConditions(facts, t));
    for (const dep of inputs.dependencies) {
        if (dep.status !== 'down')
            continue;
        out.push({
            key: `dependency_down:${dep.name}`,
            kind: 'dependency_down',
            severity: dep.required ? 'critical' : 'warning',
            title: `${dep.name} is down`,
            message: `The ${dep.required ? 'required' : 'optional'} dependency ${dep.name} (${dep.kind}) does not answer${dep.detail ? `: ${dep.detail}` : ''}.`,
            subject: { dependency: dep.name, kind: dep.kind, required: dep.required, detail: dep.detail },
        });
    }
    return out;
}
/** Spend at or over the soft share of a budget but not over the budget (then the hard alert holds). */
function softBudgetConditions(facts, t) {
    const ratio = t.budgetSoftRatio;
    if (ratio === undefined || ratio >= 1)
        return [];
    const out = [];
    const near = (spent, budget) => spent >= budget * ratio && spent <= budget;
    for (const e of facts.employees) {
        const spent = facts.costSince.get(e.id) ?? 0;
        if (e.budgetUsdPerDay === null || !near(spent, e.budgetUsdPerDay))
            continue;
        out.push({
            key: `budget_soft:${e.id}`,
            kind: 'budget_exceeded',
            severity: 'warning',
            title: `${e.name} is near budget`,
            message: `${e.name} (${e.id}) spent ${usd(spent)} today, ${Math.round(ratio * 100)}% or more of the daily budget of ${usd(e.budgetUsdPerDay)}.`,
            subject: { employeeId: e.id, spentUsd: spent, budgetUsd: e.budgetUsdPerDay, softRatio: ratio },
        });
    }
    const teamSpent = facts.costSince.get('*') ?? 0;
    if (t.dailyBudgetUsd !== null && near(teamSpent, t.dailyBudgetUsd)) {
        out.push({
            key: 'budget_soft:team',
            kind: 'budget_exceeded',
            severity: 'warning',
            title: 'The team is near budget',
            message: `The team spent ${usd(teamSpent)} today, ${Math.round(ratio * 100)}% or more of the daily budget of ${usd(t.dailyBudgetUsd)}.`,
            subject: { spentUsd: teamSpent, budgetUsd: t.dailyBudgetUsd, softRatio: ratio },
        });
    }
    return out;
}
//# sourceMappingURL=alert-rules.js.map