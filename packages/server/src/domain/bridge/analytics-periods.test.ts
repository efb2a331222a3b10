import { describe, expect, it } from 'vitest';
import { analyticsRange, periodOf } from './analytics-periods.js';

describe('analytics periods', () => {
  it('names days and ISO weeks (Monday) by their first UTC day', () => {
    expect(periodOf('2026-03-04T23:59:59.999Z', 'day')).toBe('2026-03-04');
    expect(periodOf('2026-03-04T10:00:00.000Z', 'week')).toBe('2026-03-02');
    expect(periodOf('2026-03-08T23:00:00.000Z', 'week')).toBe('2026-03-02');
    expect(periodOf('2026-03-09T00:00:00.000Z', 'week')).toBe('2026-03-09');
  });

  it('defaults to 7 days or 8 weeks ending now, starting at a period start', () => {
    const now = Date.parse('2026-03-04T10:00:00.000Z');
    expect(analyticsRange({ granularity: 'day' }, now)).toEqual({ from: '2026-02-26T00:00:00.000Z', to: '2026-03-04T10:00:00.000Z' });
    expect(analyticsRange({ granularity: 'week' }, now)).toEqual({ from: '2026-01-12T00:00:00.000Z', to: '2026-03-04T10:00:00.000Z' });
  });

  it('refuses an empty or too long range, naming the field', () => {
    const now = Date.parse('2026-03-04T10:00:00.000Z');
    expect(() => analyticsRange({ granularity: 'day', from: '2026-03-05T00:00:00Z', to: '2026-03-04T00:00:00Z' }, now)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'query.from' })] }),
    );
    expect(() => analyticsRange({ granularity: 'day', from: '2024-01-01T00:00:00Z' }, now)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
