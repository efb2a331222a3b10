import { describe, expect, it } from 'vitest';
import { decideDue } from './missed-runs.js';

const minute = 60_000;
/** Every full minute. */
const everyMinute = (ms: number): number => (Math.floor(ms / minute) + 1) * minute;

describe('decideDue', () => {
  it('runs an on-time fire under either policy and goes on from now', () => {
    for (const policy of ['skip', 'run_once'] as const) {
      expect(decideDue(10 * minute, 10 * minute + 5_000, 30_000, policy, everyMinute)).toEqual({ run: true, missed: false, nextMs: 11 * minute });
    }
  });

  it('skips missed fires under `skip`, runs one under `run_once`; both resume at the next fire after now', () => {
    const now = 10 * minute + 40_000;
    expect(decideDue(5 * minute, now, 30_000, 'skip', everyMinute)).toEqual({ run: false, missed: true, nextMs: 11 * minute });
    expect(decideDue(5 * minute, now, 30_000, 'run_once', everyMinute)).toEqual({ run: true, missed: true, nextMs: 11 * minute });
  });

  it('counts a fire exactly `grace` late as on time', () => {
    expect(decideDue(0, 30_000, 30_000, 'skip', everyMinute).missed).toBe(false);
    expect(decideDue(0, 30_001, 30_000, 'skip', everyMinute).missed).toBe(true);
  });
});
