import { describe, expect, it } from 'vitest';
import { assertLeaseMs, MAX_RETRY_DELAY_MS, normalizeEnqueue, retryDelayMs } from './job-options.js';

describe('normalizeEnqueue', () => {
  it('applies the port defaults', () => {
    expect(normalizeEnqueue({ id: 'a', payload: { x: 1 }, priority: 0 })).toEqual({
      id: 'a',
      payload: { x: 1 },
      priority: 0,
      delayMs: 0,
      maxAttempts: 1,
      backoffMs: 1000,
    });
  });

  it('keeps explicit values at the edges of their ranges', () => {
    expect(normalizeEnqueue({ id: 'a', payload: {}, priority: 1000, delayMs: 5, maxAttempts: 9, backoffMs: 0 })).toMatchObject({
      priority: 1000,
      delayMs: 5,
      maxAttempts: 9,
      backoffMs: 0,
    });
  });

  it('names every field out of range', () => {
    const bad = { id: '', payload: [] as unknown as Record<string, unknown>, priority: 1001, delayMs: -1, maxAttempts: 0, backoffMs: 0.5 };
    let caught: unknown;
    try {
      normalizeEnqueue(bad);
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'VALIDATION_FAILED' });
    const paths = (caught as { fields: Array<{ path: string }> }).fields.map((f) => f.path);
    expect(paths).toEqual(['id', 'payload', 'priority', 'delayMs', 'maxAttempts', 'backoffMs']);
  });
});

describe('retryDelayMs', () => {
  it('doubles per failed attempt from backoffMs', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(250, attempt))).toEqual([250, 500, 1000, 2000]);
    expect(retryDelayMs(0, 7)).toBe(0);
  });

  it('is capped', () => {
    expect(retryDelayMs(1000, 40)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(1000, 5000)).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe('assertLeaseMs', () => {
  it('accepts positive whole milliseconds only', () => {
    expect(() => assertLeaseMs(1)).not.toThrow();
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => assertLeaseMs(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });
});
