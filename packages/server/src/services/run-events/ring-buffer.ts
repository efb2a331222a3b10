/**
 * The last events of one run, bounded by count and by bytes, so live subscribers that join late or
 * reconnect can be served without touching the store. Older events fall off the front.
 */
import type { RunEvent } from '@dash/shared';

export class RunEventRing {
  private readonly items: { event: RunEvent; bytes: number }[] = [];
  private head = 0;
  private bytes = 0;

  constructor(
    private readonly maxEvents: number,
    private readonly maxBytes: number,
  ) {}

  push(event: RunEvent, bytes: number): void {
    this.items.push({ event, bytes });
    this.bytes += bytes;
    while (this.size > this.maxEvents || (this.bytes > this.maxBytes && this.size > 1)) {
      const dropped = this.items[this.head];
      this.head += 1;
      if (dropped) this.bytes -= dropped.bytes;
    }
    // Compact occasionally so the backing array does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
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
