import { describe, expect, it } from 'vitest';
import { MetricsRing } from './metrics-ring';

const T0 = 1_735_725_600_000;

describe('metrics ring', () => {
  it('gives uPlot columns oldest first, x in seconds, null for unknown values', () => {
    const ring = new MetricsRing(2, 10, 60_000);
    ring.push(T0, [1, null]);
    ring.push(T0 + 2_000, [2, 5]);

    expect(ring.toAligned()).toEqual([
      [T0 / 1000, T0 / 1000 + 2],
      [1, 2],
      [null, 5],
    ]);
  });

  it('never holds more than its capacity, however many points arrive', () => {
    const ring = new MetricsRing(1, 450, 15 * 60_000);
    for (let i = 0; i < 10_000; i += 1) ring.push(T0 + i, [i]);

    expect(ring.size).toBe(450);
    const [xs, ys] = ring.toAligned();
    expect(xs).toHaveLength(450);
    expect(ys?.[0]).toBe(9_550);
    expect(ys?.at(-1)).toBe(9_999);
  });

  it('drops points older than the window behind the newest', () => {
    const ring = new MetricsRing(1, 1_000, 15 * 60_000);
    // One snapshot every 2 s for 20 minutes.
    for (let s = 0; s <= 20 * 60; s += 2) ring.push(T0 + s * 1000, [s]);

    const [xs] = ring.toAligned();
    expect(xs[0]).toBe(T0 / 1000 + 5 * 60);
    expect(xs.at(-1)! - xs[0]!).toBe(15 * 60);
    expect(ring.size).toBe(451);
  });

  it('ignores a late point and keeps the order', () => {
    const ring = new MetricsRing(1, 5, 60_000);
    ring.push(T0 + 5_000, [1]);
    ring.push(T0 + 1_000, [2]);

    expect(ring.toAligned()).toEqual([[T0 / 1000 + 5], [1]]);
  });

  it('stays correct across the wrap-around and after clearing', () => {
    const ring = new MetricsRing(1, 3, 60_000);
    for (let i = 1; i <= 4; i += 1) ring.push(T0 + i * 1000, [i]);
    expect(ring.toAligned()[1]).toEqual([2, 3, 4]);
    expect(ring.newest).toBe(T0 + 4000);

    ring.clear();
    expect(ring.toAligned()).toEqual([[], []]);
    ring.push(T0, [Number.NaN]);
    expect(ring.toAligned()[1]).toEqual([null]);
  });
});
