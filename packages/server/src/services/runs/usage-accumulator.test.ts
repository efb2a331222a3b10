import { describe, expect, it } from 'vitest';
import type { AgentEventOf } from '@dash/shared';
import { UsageAccumulator } from './usage-accumulator.js';

const usage = (i: number, o: number, cost: number | null, cumulative: boolean): AgentEventOf<'usage'> => ({
  type: 'usage',
  inputTokens: i,
  outputTokens: o,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  costUsd: cost,
  cumulative,
});

describe('UsageAccumulator', () => {
  it('sums per-message deltas', () => {
    const acc = new UsageAccumulator();
    acc.add(usage(10, 5, null, false));
    acc.add(usage(20, 7, null, false));
    expect(acc.totals).toMatchObject({ inputTokens: 30, outputTokens: 12, costUsd: 0 });
  });

  it('lets a cumulative total add only what the deltas missed', () => {
    const acc = new UsageAccumulator();
    acc.add(usage(10, 5, null, false));
    const delta = acc.add(usage(25, 5, 0.42, true));
    expect(delta).toMatchObject({ inputTokens: 15, outputTokens: 0, costUsd: 0.42 });
    expect(acc.totals).toMatchObject({ inputTokens: 25, outputTokens: 5, costUsd: 0.42 });
  });

  it('never subtracts when a cumulative total is below the running sum', () => {
    const acc = new UsageAccumulator();
    acc.add(usage(50, 50, 1, false));
    const delta = acc.add(usage(40, 40, 0.5, true));
    expect(delta).toMatchObject({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
    expect(acc.totals).toMatchObject({ inputTokens: 50, outputTokens: 50, costUsd: 1 });
  });
});
