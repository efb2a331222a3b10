import { describe, expect, it } from 'vitest';
import type { RunEvent } from '@dash/shared';
import { RingBudget, RunEventRing } from './ring-buffer.js';

const ev = (seq: number): RunEvent => ({ runId: 'r', seq, at: seq, event: { type: 'assistant.text', text: `line ${seq}` } });

describe('RunEventRing', () => {
  it('keeps the newest events within the count bound', () => {
    const ring = new RunEventRing(3, 1_000_000);
    for (let s = 1; s <= 5; s += 1) ring.push(ev(s), 10);
    expect(ring.size).toBe(3);
    expect(ring.firstSeq).toBe(3);
    expect(ring.since(2)?.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(ring.since(4)?.map((e) => e.seq)).toEqual([5]);
  });

  it('reports a gap it cannot serve instead of returning partial history', () => {
    const ring = new RunEventRing(3, 1_000_000);
    for (let s = 1; s <= 5; s += 1) ring.push(ev(s), 10);
    expect(ring.since(1)).toBeNull();
    expect(ring.since(0)).toBeNull();
  });

  it('drops by bytes but always keeps the newest event', () => {
    const ring = new RunEventRing(100, 25);
    ring.push(ev(1), 10);
    ring.push(ev(2), 10);
    ring.push(ev(3), 10);
    expect(ring.firstSeq).toBe(2);
    ring.push(ev(4), 100);
    expect(ring.size).toBe(1);
    expect(ring.lastSeq).toBe(4);
  });

  it('stays correct across compaction', () => {
    const ring = new RunEventRing(10, 1_000_000);
    for (let s = 1; s <= 5000; s += 1) ring.push(ev(s), 1);
    expect(ring.size).toBe(10);
    expect(ring.since(4990)?.map((e) => e.seq)).toEqual([4991, 4992, 4993, 4994, 4995, 4996, 4997, 4998, 4999, 5000]);
  });

  it('keeps many rings together within a shared budget, trimming the ring being pushed to', () => {
    const budget = new RingBudget(1_000, 5);
    const rings = Array.from({ length: 10 }, () => new RunEventRing(10_000, 1_000_000, budget));
    for (let s = 1; s <= 500; s += 1) for (const ring of rings) ring.push(ev(s), 10);
    // Without the budget each ring would hold 500 events (50,000 bytes in all).
    expect(budget.used).toBeLessThanOrEqual(1_000 + 10 * 10);
    for (const ring of rings) {
      expect(ring.size).toBeGreaterThanOrEqual(5);
      expect(ring.lastSeq).toBe(500);
      expect(ring.since(ring.lastSeq! - 5)?.map((e) => e.seq)).toEqual([496, 497, 498, 499, 500]);
    }
  });

  it('gives its bytes back to the budget when released', () => {
    const budget = new RingBudget(10_000, 5);
    const a = new RunEventRing(100, 1_000_000, budget);
    const b = new RunEventRing(100, 1_000_000, budget);
    for (let s = 1; s <= 20; s += 1) {
      a.push(ev(s), 10);
      b.push(ev(s), 7);
    }
    expect(budget.used).toBe(340);
    a.release();
    expect(budget.used).toBe(140);
    expect(a.size).toBe(0);
  });
});
