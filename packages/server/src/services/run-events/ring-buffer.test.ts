import { describe, expect, it } from 'vitest';
import type { RunEvent } from '@dash/shared';
import { RunEventRing } from './ring-buffer.js';

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
});
