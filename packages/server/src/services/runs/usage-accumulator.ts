/**
 * Turns a run's usage events into deltas. Agents report usage per message (deltas) and often a
 * final cumulative total; the total only adds what the deltas missed, so nothing is counted twice.
 */
import type { AgentEventOf, RunUsage } from '@dash/shared';

export const zeroUsage = (): RunUsage => ({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 });

export class UsageAccumulator {
  private total: RunUsage;

  constructor(initial: RunUsage = zeroUsage()) {
    this.total = { ...initial };
  }

  get totals(): RunUsage {
    return { ...this.total };
  }

  /** Returns the delta this event adds (all zero when it adds nothing). */
  add(event: AgentEventOf<'usage'>): RunUsage {
    const reported: RunUsage = {
      inputTokens: event.inputTokens,
      outputTokens: event.outputTokens,
      cacheReadTokens: event.cacheReadTokens,
      cacheWriteTokens: event.cacheWriteTokens,
      costUsd: event.costUsd ?? 0,
    };
    const delta = event.cumulative
      ? {
          inputTokens: Math.max(0, reported.inputTokens - this.total.inputTokens),
          outputTokens: Math.max(0, reported.outputTokens - this.total.outputTokens),
          cacheReadTokens: Math.max(0, reported.cacheReadTokens - this.total.cacheReadTokens),
          cacheWriteTokens: Math.max(0, reported.cacheWriteTokens - this.total.cacheWriteTokens),
          costUsd: Math.max(0, reported.costUsd - this.total.costUsd),
        }
      : reported;
    this.total = addUsage(this.total, delta);
    return delta;
  }
}

export const addUsage = (a: RunUsage, b: RunUsage): RunUsage => ({
  inputTokens: a.inputTokens + b.inputTokens,
  outputTokens: a.outputTokens + b.outputTokens,
  cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
  cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
  costUsd: a.costUsd + b.costUsd,
});

export const isZeroUsage = (u: RunUsage): boolean =>
  u.inputTokens === 0 && u.outputTokens === 0 && u.cacheReadTokens === 0 && u.cacheWriteTokens === 0 && u.costUsd === 0;
