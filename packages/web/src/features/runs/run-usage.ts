/**
 * The usage to show for a run: the run record's totals and those summed from the events seen so
 * far. Both only grow, and either can be ahead (the record is refreshed every few seconds, events
 * stream in between), so each figure is the larger of the two.
 */
import type { RunUsage } from '@dash/shared';

export function freshestUsage(record: RunUsage | null, fromEvents: RunUsage): RunUsage {
  if (!record) return fromEvents;
  return {
    inputTokens: Math.max(record.inputTokens, fromEvents.inputTokens),
    outputTokens: Math.max(record.outputTokens, fromEvents.outputTokens),
    cacheReadTokens: Math.max(record.cacheReadTokens, fromEvents.cacheReadTokens),
    cacheWriteTokens: Math.max(record.cacheWriteTokens, fromEvents.cacheWriteTokens),
    costUsd: Math.max(record.costUsd, fromEvents.costUsd),
  };
}
