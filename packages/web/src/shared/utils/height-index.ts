/**
 * Row offsets for a virtualized list with variable row heights. Unmeasured rows count with an
 * estimate; measured heights replace it. A Fenwick tree keeps `offsetOf`, `indexAt` and `set`
 * at O(log n), so 100,000 rows cost two typed arrays and no per-row objects.
 */
export class HeightIndex {
  private heights: Float64Array;
  private tree: Float64Array;
  private size = 0;

  constructor(
    /** Height assumed for a row until it is measured. */
    readonly estimate: number,
    capacity = 1024,
  ) {
    this.heights = new Float64Array(capacity);
    this.tree = new Float64Array(capacity + 1);
  }

  get count(): number {
    return this.size;
  }

  /** Grows (new rows get the estimate) or shrinks the row count. */
  resize(count: number): void {
    if (count === this.size) return;
    if (count < this.size) {
      this.size = count;
      this.rebuild();
      return;
    }
    if (count > this.heights.length) {
      let capacity = this.heights.length;
      while (capacity < count) capacity *= 2;
      const heights = new Float64Array(capacity);
      heights.set(this.heights.subarray(0, this.size));
      this.heights = heights;
      const tree = new Float64Array(capacity + 1);
      tree.set(this.tree.subarray(0, this.size + 1));
      this.tree = tree;
    }
    // Appending is O(log n) per row: node i covers (i - lowbit(i), i], all of it already indexed.
    this.heights.fill(this.estimate, this.size, count);
    for (let i = this.size + 1; i <= count; i += 1) {
      this.size = i - 1;
      this.tree[i] = this.estimate + this.offsetOf(i - 1) - this.offsetOf(i - (i & -i));
    }
    this.size = count;
  }

  /**
   * Drops the first `n` rows (they left the window the list shows); returns the height they took.
   * O(count): callers drop in batches.
   */
  dropFront(n: number): number {
    const drop = Math.min(Math.max(0, n), this.size);
    if (drop === 0) return 0;
    const removed = this.offsetOf(drop);
    this.heights.copyWithin(0, drop, this.size);
    this.size -= drop;
    this.rebuild();
    return removed;
  }

  /** Adds `n` unmeasured rows before the first one; returns the height they add (the estimate each). */
  insertFront(n: number): number {
    if (n <= 0) return 0;
    const size = this.size;
    this.resize(size + n);
    this.heights.copyWithin(n, 0, size);
    this.heights.fill(this.estimate, 0, n);
    this.rebuild();
    return n * this.estimate;
  }

  /** Records a measured height; returns the change (0 when it was already known). */
  set(index: number, height: number): number {
    if (index < 0 || index >= this.size) return 0;
    const delta = height - this.heights[index]!;
    if (delta === 0) return 0;
    this.heights[index] = height;
    for (let i = index + 1; i <= this.size; i += i & -i) this.tree[i]! += delta;
    return delta;
  }

  heightOf(index: number): number {
    return this.heights[index] ?? 0;
  }

  /** Top of row `index` (the total height when `index === count`). */
  offsetOf(index: number): number {
    let sum = 0;
    for (let i = Math.min(index, this.size); i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  total(): number {
    return this.offsetOf(this.size);
  }

  /** The row under vertical position `y` (clamped to the first and last row; 0 when empty). */
  indexAt(y: number): number {
    if (this.size === 0 || y <= 0) return 0;
    // Binary lifting: the largest prefix whose sum stays <= y.
    let pos = 0;
    let remaining = y;
    let step = 1;
    while (step * 2 <= this.size) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.size && this.tree[next]! <= remaining) {
        pos = next;
        remaining -= this.tree[next]!;
      }
    }
    return Math.min(pos, this.size - 1);
  }

  private rebuild(): void {
    this.tree.fill(0, 0, this.size + 1);
    for (let i = 1; i <= this.size; i += 1) {
      this.tree[i]! += this.heights[i - 1]!;
      const parent = i + (i & -i);
      if (parent <= this.size) this.tree[parent]! += this.tree[i]!;
    }
  }
}
