/**
 * A bounded ring of timed samples for the live charts: at most `capacity` points, and never any
 * older than `windowMs` behind the newest. Memory stays fixed however long the page stays open
 * (one Float64Array per series, allocated once). `toAligned()` gives uPlot's column layout:
 * `[seconds[], series1[], …]`, oldest first, with null for a value the server did not have.
 */
export type AlignedColumns = [number[], ...Array<Array<number | null>>];

export class MetricsRing {
  private readonly times: Float64Array;
  private readonly values: Float64Array[];
  /** Index of the oldest point. */
  private head = 0;
  private length = 0;

  constructor(
    readonly seriesCount: number,
    readonly capacity: number,
    readonly windowMs: number,
  ) {
    if (capacity < 1 || seriesCount < 1) throw new RangeError('a ring needs room for a point and a series');
    this.times = new Float64Array(capacity);
    this.values = Array.from({ length: seriesCount }, () => new Float64Array(capacity));
  }

  get size(): number {
    return this.length;
  }

  /** Time (epoch ms) of the newest point, or null when empty. */
  get newest(): number | null {
    return this.length === 0 ? null : (this.times[(this.head + this.length - 1) % this.capacity] as number);
  }

  /**
   * Adds a point at `atMs` (epoch ms) with one value per series (null: unknown). A point older
   * than the newest is ignored: samples come in time order, a late one is not worth a re-sort.
   */
  push(atMs: number, values: ReadonlyArray<number | null>): void {
    const newest = this.newest;
    if (newest !== null && atMs < newest) return;
    if (this.length === this.capacity) {
      this.head = (this.head + 1) % this.capacity;
      this.length -= 1;
    }
    const slot = (this.head + this.length) % this.capacity;
    this.times[slot] = atMs;
    for (let s = 0; s < this.seriesCount; s += 1) {
      const value = values[s];
      (this.values[s] as Float64Array)[slot] = value === null || value === undefined || !Number.isFinite(value) ? Number.NaN : value;
    }
    this.length += 1;
    this.evictBefore(atMs - this.windowMs);
  }

  /** Drops points older than `cutoffMs`. */
  evictBefore(cutoffMs: number): void {
    while (this.length > 0 && (this.times[this.head] as number) < cutoffMs) {
      this.head = (this.head + 1) % this.capacity;
      this.length -= 1;
    }
  }

  clear(): void {
    this.head = 0;
    this.length = 0;
  }

  /** Columns for uPlot: x in seconds (uPlot's default unit), oldest first. */
  toAligned(): AlignedColumns {
    const xs: number[] = new Array(this.length);
    const ys: Array<Array<number | null>> = Array.from({ length: this.seriesCount }, () => new Array(this.length));
    for (let i = 0; i < this.length; i += 1) {
      const slot = (this.head + i) % this.capacity;
      xs[i] = (this.times[slot] as number) / 1000;
      for (let s = 0; s < this.seriesCount; s += 1) {
        const v = (this.values[s] as Float64Array)[slot] as number;
        (ys[s] as Array<number | null>)[i] = Number.isNaN(v) ? null : v;
      }
    }
    return [xs, ...ys];
  }
}
