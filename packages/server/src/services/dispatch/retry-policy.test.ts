import { describe, expect, it } from 'vitest';
import { describeRunEnd, formatDelay, hasAttemptsLeft, MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-policy.js';

describe('retry policy', () => {
  it('allows maxRetries + 1 attempts in all', () => {
    expect(hasAttemptsLeft({ attempts: 1, maxRetries: 2 })).toBe(true);
    expect(hasAttemptsLeft({ attempts: 2, maxRetries: 2 })).toBe(true);
    expect(hasAttemptsLeft({ attempts: 3, maxRetries: 2 })).toBe(false);
    expect(hasAttemptsLeft({ attempts: 1, maxRetries: 0 })).toBe(false);
  });

  it('doubles the delay per attempt, capped at an hour (the JobQueue formula)', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(1_000, a))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(1_000, 0)).toBe(1_000);
    expect(retryDelayMs(60_000, 20)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(0, 3)).toBe(0);
  });

  it('says how a run ended', () => {
    expect(describeRunEnd({ status: 'failed', errorCode: 'AGENT_CRASHED', errorMessage: 'the agent exited with code 3' })).toBe(
      'AGENT_CRASHED: the agent exited with code 3',
    );
    expect(describeRunEnd({ status: 'lost', errorCode: null, errorMessage: null })).toBe('RUN_LOST: the run ended lost');
    expect(describeRunEnd(null)).toBe('RUN_LOST: its run is gone');
    expect([formatDelay(200), formatDelay(12_340), formatDelay(90_000)]).toEqual(['0.2 s', '12.3 s', '1.5 min']);
  });
});
