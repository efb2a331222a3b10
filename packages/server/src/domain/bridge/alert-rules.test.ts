import type { DependencyHealth, RunStatus } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import type { AlertFactsSnapshot, EmployeeLoad } from '../../ports/alert-facts.js';
import { alertConditions, type AlertThresholds } from './alert-rules.js';

const NOW = Date.parse('2026-03-02T12:00:00.000Z');
const thresholds: AlertThresholds = { stuckRunAfterMs: 15 * 60_000, failureStreak: 3, workloadBacklog: 2, dailyBudgetUsd: 10 };

const emp = (id: string, over: Partial<EmployeeLoad> = {}): EmployeeLoad => ({ id, name: `Dev ${id}`, status: 'active', slotsMax: 1, budgetUsdPerDay: null, ...over });

const facts = (over: Partial<AlertFactsSnapshot> = {}): AlertFactsSnapshot => ({
  employees: [emp('emp_001'), emp('emp_002')],
  activeRuns: new Map(),
  queuedFor: new Map(),
  queuedUnassigned: 0,
  silentRuns: [],
  recentOutcomes: new Map(),
  costSince: new Map([['*', 0]]),
  ...over,
});

const keys = (f: AlertFactsSnapshot, deps: DependencyHealth[] = [], waiting: ReadonlySet<string> = new Set()): string[] =>
  alertConditions({ facts: f, dependencies: deps, waitingForInput: waiting, nowMs: NOW }, thresholds).map((c) => c.key);

describe('alertConditions', () => {
  it('raises nothing on a quiet team', () => {
    expect(keys(facts())).toEqual([]);
  });

  it('flags an employee whose slots are full while work waits for them, and a saturated team', () => {
    const busy = facts({ activeRuns: new Map([['emp_001', 1]]), queuedFor: new Map([['emp_001', 2], ['emp_002', 5]]) });
    expect(keys(busy)).toEqual(['critical_workload:emp_001']);
    const saturated = facts({ activeRuns: new Map([['emp_001', 1], ['emp_002', 1]]), queuedUnassigned: 2 });
    expect(keys(saturated)).toEqual(['critical_workload:team']);
    // A paused employee is not part of the team's capacity.
    const paused = facts({ employees: [emp('emp_001'), emp('emp_002', { status: 'paused' })], activeRuns: new Map([['emp_001', 1]]), queuedUnassigned: 3 });
    expect(keys(paused)).toEqual(['critical_workload:team']);
    expect(keys(facts({ activeRuns: new Map([['emp_001', 1]]), queuedUnassigned: 3 }))).toEqual([]);
  });

  it('flags runs silent past the threshold unless they wait for a human', () => {
    const silent = facts({
      silentRuns: [
        { runId: 'run-a', employeeId: 'emp_001', taskId: 't1', lastActivityAt: '2026-03-02T11:40:00.000Z' },
        { runId: 'run-b', employeeId: 'emp_002', taskId: 't2', lastActivityAt: '2026-03-02T11:50:00.000Z' },
        { runId: 'run-c', employeeId: null, taskId: null, lastActivityAt: '2026-03-02T10:00:00.000Z' },
      ],
    });
    expect(keys(silent, [], new Set(['run-c']))).toEqual(['stuck_run:run-a']);
    const [stuck] = alertConditions({ facts: silent, dependencies: [], waitingForInput: new Set(), nowMs: NOW }, thresholds);
    expect(stuck?.message).toContain('20 min');
  });

  it('flags a failure streak only when the last N finished runs all failed', () => {
    const outcomes = (s: RunStatus[]) => facts({ recentOutcomes: new Map([['emp_001', s]]) });
    expect(keys(outcomes(['failed', 'timed_out', 'lost']))).toEqual(['failure_streak:emp_001']);
    expect(keys(outcomes(['failed', 'succeeded', 'failed', 'failed']))).toEqual([]);
    expect(keys(outcomes(['failed', 'failed']))).toEqual([]);
  });

  it('flags employees over their own daily budget and the team over ALERT_DAILY_BUDGET_USD', () => {
    const spent = facts({
      employees: [emp('emp_001', { budgetUsdPerDay: 2 }), emp('emp_002', { budgetUsdPerDay: 5 })],
      costSince: new Map([['emp_001', 2.5], ['emp_002', 5], ['*', 10.01]]),
    });
    expect(keys(spent)).toEqual(['budget_exceeded:emp_001', 'budget_exceeded:team']);
  });

  it('flags down dependencies, critical when required', () => {
    const dep = (name: string, status: DependencyHealth['status'], required: boolean): DependencyHealth => ({ name, kind: 'http', required, status, latencyMs: 1, detail: 'ECONNREFUSED' });
    const conditions = alertConditions(
      { facts: facts(), dependencies: [dep('store', 'up', true), dep('memory-api', 'down', false), dep('queue', 'down', true)], waitingForInput: new Set(), nowMs: NOW },
      thresholds,
    );
    expect(conditions.map((c) => [c.key, c.severity])).toEqual([
      ['dependency_down:memory-api', 'warning'],
      ['dependency_down:queue', 'critical'],
    ]);
  });
});
