import { describe, expect, it } from 'vitest';
import type { AlertFactsSnapshot, EmployeeLoad } from '../../ports/alert-facts.js';
import { alertConditions, type AlertThresholds } from './alert-rules.js';

const thresholds: AlertThresholds = { stuckRunAfterMs: 60_000, failureStreak: 3, workloadBacklog: 2, dailyBudgetUsd: 10, budgetSoftRatio: 0.8 };
const emp = (id: string, budgetUsdPerDay: number | null): EmployeeLoad => ({ id, name: `Dev ${id}`, status: 'active', slotsMax: 1, budgetUsdPerDay });
const facts = (costs: Array<[string, number]>): AlertFactsSnapshot => ({
  employees: [emp('emp_001', 2), emp('emp_002', 5), emp('emp_003', null)],
  activeRuns: new Map(),
  queuedFor: new Map(),
  queuedUnassigned: 0,
  silentRuns: [],
  recentOutcomes: new Map(),
  costSince: new Map(costs),
});
const conditions = (f: AlertFactsSnapshot, t: AlertThresholds = thresholds) =>
  alertConditions({ facts: f, dependencies: [], waitingForInput: new Set(), nowMs: 0 }, t).map((c) => `${c.key}/${c.severity}`);

describe('soft budget alerts (BUDGET_SOFT_RATIO)', () => {
  it('warns from the soft share up to the budget, then only the hard alert holds', () => {
    expect(conditions(facts([['emp_001', 1.59], ['emp_002', 4], ['emp_003', 100], ['*', 7.99]]))).toEqual(['budget_soft:emp_002/warning']);
    expect(conditions(facts([['emp_001', 1.6], ['emp_002', 5], ['*', 8]]))).toEqual([
      'budget_soft:emp_001/warning',
      'budget_soft:emp_002/warning',
      'budget_soft:team/warning',
    ]);
    expect(conditions(facts([['emp_001', 2.01], ['*', 10.5]]))).toEqual(['budget_exceeded:emp_001/critical', 'budget_exceeded:team/critical']);
  });

  it('raises no soft alert without a ratio', () => {
    const { budgetSoftRatio: _unused, ...plain } = thresholds;
    expect(conditions(facts([['emp_001', 1.9], ['*', 9]]), plain)).toEqual([]);
  });
});
