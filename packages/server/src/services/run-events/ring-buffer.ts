/**
 * The last events of one run, bounded by count and by bytes, so live subscribers that join late or
 * reconnect can be served without touching the store. Older events fall off the front.
 *
 * Rings may share a RingBudget: the bytes of every ring together. While the budget is exceeded, a
 * ring that is pushed to trims itself down to `budget.minEvents`, so the busiest runs give memory
 * back first and the total stays near the budget however many runs stream at once (the soak with
 * 50 agents grew the heap by ~6 MB per run without it). A ring is only a cache: what it no longer
 * holds is read from the store.
 */
import type { RunEvent } from '@dash/shared';

export class RingBudget {
  used = 0;
  constructor(
    /** Bytes (JSON size) all rings together may hold. */
    readonly limitBytes: number,
    /** A ring keeps at least this many events whatever the budget. */
    readonly minEvents: number,
  ) {}

  get exceeded(): boolean {
    return this.used > this.limitBytes;
  }
}

export class RunEventRing {
  /** Dropped slots before `head` are cleared at once (not only at compaction) so they can be collected. */
  private readonly items: ({ event: RunEvent; bytes: number } | undefined)[] = [];
  private head = 0;
  private bytes = 0;

  constructor(
    private readonly maxEvents: number,
    private readonly maxBytes: number,
    private readonly budget: RingBudget | null = null,
  ) {}

  push(event: RunEvent, bytes: number): void {
    this.items.push({ event, bytes });
    this.bytes += bytes;
    if (this.budget) this.budget.used += bytes;
    while (
      this.size > this.maxEvents ||
      (this.bytes > this.maxBytes && this.size > 1) ||
      (this.budget !== null && this.budget.exceeded && this.size > this.budget.minEvents)
    ) {
      const dropped = this.items[this.head];
      this.items[this.head] = undefined;
      this.head += 1;
      if (dropped) {
        this.bytes -= dropped.bytes;
        if (this.budget) this.budget.used -= dropped.bytes;
      }
    }
    // Compact occasionally so the backing array does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Gives the ring's bytes back to the shared budget; the ring must not be used afterwards. */
  release(): void {
    if (this.budget) this.budget.used -= this.bytes;
    this.bytes = 0;
    this.items.length = 0;
    this.head = 0;
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** Lowest seq held, or null when empty. */
  get firstSeq(): number | null {
    return this.items[this.head]?.event.seq ?? null;
  }

  get lastSeq(): number | null {
    return this.items[this.items.length - 1]?.event.seq ?? null;
  }

  /**
   * Events with seq > afterSeq, or null when the ring no longer holds all of them (the caller
   * must read the gap from the store).
   */
  since(afterSeq: number): RunEvent[] | null {
    const first = this.firstSeq;
    if (first === null) return [];
    if (afterSeq + 1 < first) return null;
    const out: RunEvent[] = [];
    for (let i = this.head; i < this.items.length; i += 1) {
      const item = this.items[i];
      if (item && item.event.seq > afterSeq) out.push(item.event);
    }
    return out;
  }
}
