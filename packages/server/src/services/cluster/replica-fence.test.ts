import { describe, expect, it } from 'vitest';
import { fenceAfter } from './replica-fence.js';

describe('fenceAfter', () => {
  it('is REPLICA_DEAD_AFTER less one heartbeat and the whole stop escalation (2 × AGENT_STOP_GRACE)', () => {
    // The defaults: 30 s − 5 s − 2 × 5 s.
    expect(fenceAfter({ deadAfterMs: 30_000, heartbeatMs: 5_000, stopGraceMs: 5_000 })).toEqual({ ms: 15_000, stopFits: true });
    expect(fenceAfter({ deadAfterMs: 60_000, heartbeatMs: 5_000, stopGraceMs: 5_000 })).toEqual({ ms: 45_000, stopFits: true });
    // The topology e2e test's settings.
    expect(fenceAfter({ deadAfterMs: 2_000, heartbeatMs: 300, stopGraceMs: 300 })).toEqual({ ms: 1_100, stopFits: true });
  });

  it('never fences before half of REPLICA_DEAD_AFTER, and says when the stop escalation does not fit', () => {
    expect(fenceAfter({ deadAfterMs: 3_000, heartbeatMs: 300, stopGraceMs: 5_000 })).toEqual({ ms: 1_500, stopFits: false });
    expect(fenceAfter({ deadAfterMs: 1_001, heartbeatMs: 100, stopGraceMs: 1 })).toEqual({ ms: 899, stopFits: true });
    expect(fenceAfter({ deadAfterMs: 1_001, heartbeatMs: 400, stopGraceMs: 100 })).toEqual({ ms: 501, stopFits: false });
  });
});
