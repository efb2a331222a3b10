import { describe, expect, it } from 'vitest';
import { HeightIndex } from './height-index';

/** The same answers computed the slow way, to check the tree against. */
function naiveOffset(heights: number[], index: number): number {
  return heights.slice(0, index).reduce((a, b) => a + b, 0);
}

describe('HeightIndex', () => {
  it('counts unmeasured rows with the estimate', () => {
    const sut = new HeightIndex(40, 4);
    sut.resize(10);

    expect(sut.total()).toBe(400);
    expect(sut.offsetOf(3)).toBe(120);
    expect(sut.indexAt(0)).toBe(0);
    expect(sut.indexAt(119)).toBe(2);
    expect(sut.indexAt(120)).toBe(3);
    expect(sut.indexAt(10_000)).toBe(9);
  });

  it('agrees with a naive prefix sum through growth, measurements and shrinking', () => {
    const sut = new HeightIndex(30, 2);
    const heights: number[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

    for (let round = 0; round < 40; round += 1) {
      const grow = 1 + Math.floor(random() * 50);
      sut.resize(heights.length + grow);
      for (let i = 0; i < grow; i += 1) heights.push(30);
      for (let m = 0; m < 10; m += 1) {
        const i = Math.floor(random() * heights.length);
        const h = 10 + Math.floor(random() * 300);
        expect(sut.set(i, h)).toBe(h - heights[i]!);
        heights[i] = h;
      }
      if (round % 13 === 12) {
        heights.length = Math.floor(heights.length / 2);
        sut.resize(heights.length);
      }
      for (const i of [0, 1, Math.floor(heights.length / 2), heights.length - 1, heights.length]) {
        expect(sut.offsetOf(i)).toBe(naiveOffset(heights, i));
      }
      const y = random() * naiveOffset(heights, heights.length);
      const at = sut.indexAt(y);
      expect(naiveOffset(heights, at)).toBeLessThanOrEqual(y);
      expect(naiveOffset(heights, at + 1)).toBeGreaterThan(y);
    }
  });

  it('drops rows at the front and adds unmeasured ones there, keeping the others\' heights', () => {
    const sut = new HeightIndex(20, 4);
    sut.resize(10);
    const heights = Array.from({ length: 10 }, (_, i) => 20 + i);
    heights.forEach((h, i) => sut.set(i, h));

    expect(sut.dropFront(3)).toBe(20 + 21 + 22);
    heights.splice(0, 3);
    expect(sut.count).toBe(7);
    expect(sut.insertFront(5)).toBe(100);
    heights.unshift(20, 20, 20, 20, 20);
    expect(sut.count).toBe(12);
    for (let i = 0; i <= heights.length; i += 1) expect(sut.offsetOf(i)).toBe(naiveOffset(heights, i));
    expect(sut.indexAt(naiveOffset(heights, 7) + 1)).toBe(7);

    expect(sut.dropFront(100)).toBe(naiveOffset(heights, 12));
    expect(sut.count).toBe(0);
    expect(sut.total()).toBe(0);
  });

  it('handles 100,000 rows', () => {
    const sut = new HeightIndex(44);
    sut.resize(100_000);
    sut.set(50_000, 144);

    expect(sut.total()).toBe(4_400_100);
    expect(sut.indexAt(sut.offsetOf(50_001))).toBe(50_001);
  });
});
