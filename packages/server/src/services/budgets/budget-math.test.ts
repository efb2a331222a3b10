import { describe, expect, it } from 'vitest';
import { budgetState, utcDayStart } from './budget-math.js';

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
});
