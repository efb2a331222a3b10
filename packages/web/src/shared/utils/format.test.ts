import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { formatDuration, formatLatency } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [12.7, '12 s'],
    [62, '1 min 2 s'],
    [3600, '1 h'],
    [3725, '1 h 2 min'],
    [90_000, '1 d 1 h'],
    [-5, '0 s'],
  ])('%s s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('formatLatency', () => {
  it.each([
    [null, '—'],
    [0.44, '0.4 ms'],
    [9.96, '10 ms'],
    [12.6, '13 ms'],
    [1530, '1.5 s'],
  ])('%s → %s', (ms, expected) => {
    expect(formatLatency(ms)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 50].map((attempt) => backoffDelay(attempt, { baseMs: 1000, maxMs: 30_000 }));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });
});
