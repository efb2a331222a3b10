import { periodOf } from './analytics-periods.js';
import { durationStats } from './duration-stats.js';
export const UNASSIGNED_GROUP = 'unassigned';
export const ALL_GROUP = 'all';
/** Statuses whose timeline entries the computation reads. */
export const ANALYTICS_TIMELINE_STATUSES = ['queued', 'running', 'completed', 'reopened'];
const FINISHED = new Set(['succeeded', 'failed', 'timed_out', 'lost']);
const emptyTally = () => ({ finished: 0, succeeded: 0, cancelled: 0, completed: 0, reopened: 0, cycles: [], waits: [], costUsd: 0, taskCostUsd: 0 });
const seconds = (fromIso, toIso) => Math.max(0, (Date.parse(toIso) - Date.parse(fromIso)) / 1000);
const stringOr = (value) => (typeof value === 'string' && value !== '' ? value : null);
const money = (n) => Math.round(n * 1e6) / 1e6;
export function computeAnalytics(input) {
    const inRange = (iso) => iso >= input.from && iso < input.to;
    const departmentOf = (employeeId) => (employeeId === null ? UNASSIGNED_GROUP : (input.departments.get(employeeId) ?? UNASSIGNED_GROUP));
    const included = (employeeId) => (input.filter.employee === undefined || employeeId === input.filter.employee) &&
        (input.filter.department === undefined || departmentOf(employeeId) === input.filter.department);
    const groupOf = (employeeId) => input.groupBy === 'all' ? ALL_GROUP : input.groupBy === 'department' ? departmentOf(employeeId) : (employeeId ?? UNASSIGNED_GROUP);
    const tallies = new Map();
    const summaries = new Map();
    const tallyFor = (iso, employeeId) => {
        if (!included(employeeId))
            return null;
        const group = groupOf(employeeId);
        const key = `${periodOf(iso, input.granularity)}\u0000${group}`;
        let row = tallies.get(key);
        if (!row)
            tallies.set(key, (row = emptyTally()));
        let sum = summaries.get(group);
        if (!sum)
            summaries.set(group, (sum = emptyTally()));
        return [row, sum];
    };
    for (const run of input.runsEnded) {
        if (run.endedAt === null || !inRange(run.endedAt))
            continue;
        for (const t of tallyFor(run.endedAt, run.employeeId) ?? []) {
            if (FINISHED.has(run.status))
                t.finished += 1;
            if (run.status === 'succeeded')
                t.succeeded += 1;
            if (run.status === 'cancelled')
                t.cancelled += 1;
            t.costUsd += run.costUsd;
            if (run.taskId !== null)
                t.taskCostUsd += run.costUsd;
        }
    }
    for (const entries of byTask(input.timeline).values()) {
        let cycleStart = null;
        let lastQueued = null;
        let lastWorker = null;
        let lastCompleter = null;
        for (const entry of entries) {
            const employee = stringOr(entry.data?.employeeId);
            if (entry.to === 'queued') {
                cycleStart ??= entry.at;
                lastQueued = entry.at;
            }
            else if (entry.to === 'running') {
                const run = input.runsById.get(stringOr(entry.data?.runId) ?? '');
                const worker = employee ?? run?.employeeId ?? null;
                lastWorker = worker;
                if (inRange(entry.at) && lastQueued !== null) {
                    const startedAt = run?.startedAt ?? entry.at;
                    for (const t of tallyFor(entry.at, worker) ?? [])
                        t.waits.push(seconds(lastQueued, startedAt));
                }
            }
            else if (entry.to === 'completed') {
                const completer = employee ?? lastWorker;
                lastCompleter = completer;
                if (inRange(entry.at)) {
                    for (const t of tallyFor(entry.at, completer) ?? []) {
                        t.completed += 1;
                        if (cycleStart !== null)
                            t.cycles.push(seconds(cycleStart, entry.at));
                    }
                }
                cycleStart = null;
            }
            else if (entry.to === 'reopened') {
                if (inRange(entry.at))
                    for (const t of tallyFor(entry.at, lastCompleter) ?? [])
                        t.reopened += 1;
                cycleStart = null;
            }
        }
    }
    const rows = [...tallies.entries()]
        .map(([key, tally]) => {
        const [period = '', group = ''] = key.split('\u0000');
        return { period, group, ...figures(tally) };
    })
        .sort((a, b) => a.period.localeCompare(b.period) || a.group.localeCompare(b.group));
    const firstPeriod = periodOf(input.from, input.granularity);
    const summary = [...summaries.entries()]
        .map(([group, tally]) => ({ period: firstPeriod, group, ...figures(tally) }))
        .sort((a, b) => a.group.localeCompare(b.group));
    return { rows, summary };
}
function figures(t) {
    return {
        runs: { finished: t.finished, succeeded: t.succeeded, cancelled: t.cancelled },
        successRate: t.finished === 0 ? null : t.succeeded / t.finished,
        tasks: { completed: t.completed, reopened: t.reopened },
        reopenRate: t.completed === 0 ? null : t.reopened / t.completed,
        cycleTime: durationStats(t.cycles),
        queueWait: durationStats(t.waits),
        costUsd: money(t.costUsd),
        costPerTaskUsd: t.completed === 0 ? null : money(t.taskCostUsd / t.completed),
    };
}
/** Entries per task in time order (ties keep their given order: the store's insertion order). */
function byTask(entries) {
    const out = new Map();
    for (const e of entries) {
        let list = out.get(e.taskId);
        if (!list)
            out.set(e.taskId, (list = []));
        list.push(e);
    }
    for (const list of out.values())
        list.sort((a, b) => a.at.localeCompare(b.at));
    return out;
}
//# sourceMappingURL=analytics.js.map