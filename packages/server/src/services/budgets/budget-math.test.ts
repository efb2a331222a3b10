import { describe, expect, it } from 'vitest';
import { budgetState, taskLimit, utcDayStart } from './budget-math.js';

describe('budget math', () => {
  it('starts the day at UTC midnight', () => {
    expect(utcDayStart(Date.parse('2026-03-04T23:59:59.999Z'))).toBe('2026-03-04T00:00:00.000Z');
    expect(utcDayStart(Date.parse('2026-03-05T00:00:00.000Z'))).toBe('2026-03-05T00:00:00.000Z');
  });

  it('classifies spend against a limit and its soft ratio', () => {
    expect(budgetState(5, null, 0.8)).toBe('ok');
    expect(budgetState(7.99, 10, 0.8)).toBe('ok');
    expect(budgetState(8, 10, 0.8)).toBe('soft');
    expect(budgetState(9.99, 10, 0.8)).toBe('soft');
    expect(budgetState(10, 10, 0.8)).toBe('hard');
    expect(budgetState(12, 10, 0.8)).toBe('hard');
  });

  it("takes a task's own budget over the default, below or above it, and the default without one", () => {
    expect(taskLimit(0.5, 2)).toEqual({ limitUsd: 0.5, source: 'task' });
    expect(taskLimit(5, 2)).toEqual({ limitUsd: 5, source: 'task' });
    expect(taskLimit(null, 2)).toEqual({ limitUsd: 2, source: 'default' });
    expect(taskLimit(0.5, null)).toEqual({ limitUsd: 0.5, source: 'task' });
    expect(taskLimit(null, null)).toEqual({ limitUsd: null, source: 'none' });
  });

  it("classifies a task's spend against its effective limit", () => {
    const state = (spent: number, own: number | null, fallback: number | null) => budgetState(spent, taskLimit(own, fallback).limitUsd, 0.8);
    // Below the default: the task's own limit stops it where the default would not.
    expect(state(0.5, 0.5, 2)).toBe('hard');
    expect(state(0.4, 0.5, 2)).toBe('soft');
    expect(state(0.39, 0.5, 2)).toBe('ok');
    // Above the default: it goes on where the default would stop it.
    expect(state(2, 5, 2)).toBe('ok');
    expect(state(4, 5, 2)).toBe('soft');
    expect(state(5, 5, 2)).toBe('hard');
    // No own budget: the default holds; no default either: no limit.
    expect(state(2, null, 2)).toBe('hard');
    expect(state(1.6, null, 2)).toBe('soft');
    expect(state(1000, null, null)).toBe('ok');
  });
});
