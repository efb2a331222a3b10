import { describe, expect, it } from 'vitest';
import { InFlightRequests } from './in-flight.js';

describe('InFlightRequests', () => {
  it('is idle at once when nothing is in flight', async () => {
    await expect(new InFlightRequests().idle(new AbortController().signal)).resolves.toBeUndefined();
  });

  it('resolves idle() when the last request ends, counting each end once', async () => {
    const inFlight = new InFlightRequests();
    const endA = inFlight.begin();
    const endB = inFlight.begin();
    let idle = false;
    const waiting = inFlight.idle(new AbortController().signal).then(() => (idle = true));
    endA();
    endA();
    await Promise.resolve();
    expect([inFlight.size, idle]).toEqual([1, false]);
    endB();
    await waiting;
    expect(inFlight.size).toBe(0);
  });

  it('gives up waiting when the signal aborts', async () => {
    const inFlight = new InFlightRequests();
    inFlight.begin();
    const controller = new AbortController();
    const waiting = inFlight.idle(controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    expect(inFlight.size).toBe(1);
  });
});
