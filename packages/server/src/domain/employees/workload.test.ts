import { describe, expect, it } from 'vitest';
import { computeWorkload, hasFreeSlot } from './workload.js';

describe('computeWorkload', () => {
  it('derives free slots and a 0..100 percentage from slots only', () => {
    expect(computeWorkload(2, 0)).toEqual({ slotsMax: 2, slotsUsed: 0, slotsFree: 2, workloadPercent: 0 });
    expect(computeWorkload(2, 1)).toEqual({ slotsMax: 2, slotsUsed: 1, slotsFree: 1, workloadPercent: 50 });
    expect(computeWorkload(3, 1)).toEqual({ slotsMax: 3, slotsUsed: 1, slotsFree: 2, workloadPercent: 33 });
    expect(computeWorkload(1, 1)).toEqual({ slotsMax: 1, slotsUsed: 1, slotsFree: 0, workloadPercent: 100 });
  });

  it('never reports more than 100 % or negative values, whatever the provider says', () => {
    expect(computeWorkload(2, 5)).toEqual({ slotsMax: 2, slotsUsed: 5, slotsFree: 0, workloadPercent: 100 });
    expect(computeWorkload(2, -3)).toMatchObject({ slotsUsed: 0, slotsFree: 2, workloadPercent: 0 });
    expect(computeWorkload(2, Number.NaN)).toMatchObject({ slotsUsed: 0, workloadPercent: 0 });
  });

  it('has a free slot only when active and below capacity', () => {
    expect(hasFreeSlot('active', computeWorkload(2, 1))).toBe(true);
    expect(hasFreeSlot('active', computeWorkload(1, 1))).toBe(false);
    expect(hasFreeSlot('paused', computeWorkload(2, 0))).toBe(false);
  });
});
