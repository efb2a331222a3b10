/**
 * One non-run topic (`tasks`, `employees`, `metrics`) on this server: numbers every message
 * (seq, per topic, within this server's epoch), keeps the newest ones in a ring and fans them out
 * to attached listeners. Attaching is synchronous, so the replay and the live stream meet without
 * a gap or a duplicate. Messages are encoded once and shared by every listener.
 */
import { encodeFrame } from './frames.js';

export type FrameListener = (frame: string) => void;

export interface TopicFeedOptions {
  /** Messages kept for resuming clients. */
  ringSize: number;
  /**
   * Replay the newest message to a fresh subscriber when it is younger than this (ms); 0 = never.
   * For snapshot topics (metrics), so a new subscriber does not wait for the next tick.
   */
  latestMaxAgeMs?: number;
  now?: () => number;
}

export type AttachResult =
  | { kind: 'replay'; afterSeq: number; frames: string[] }
  | { kind: 'reset'; afterSeq: number; reason: 'epoch' | 'gap' | 'bus' };

interface Entry {
  seq: number;
  at: number;
  frame: string;
}

export class TopicFeed {
  private seq = 0;
  private ring: Entry[] = [];
  private head = 0;
  /** Seqs at or below this cannot be replayed because messages may have been missed. */
  private resetBelow = 0;
  private readonly listeners = new Set<FrameListener>();
  private readonly now: () => number;

  constructor(
    readonly topic: string,
    readonly epoch: string,
    private readonly options: TopicFeedOptions,
    private readonly onListenersChange: (count: number) => void = () => undefined,
  ) {
    this.now = options.now ?? Date.now;
  }

  get lastSeq(): number {
    return this.seq;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  publish(data: unknown): void {
    this.seq += 1;
    const frame = encodeFrame({ type: 'event', topic: this.topic, seq: this.seq, data });
    this.ring.push({ seq: this.seq, at: this.now(), frame });
    if (this.ring.length - this.head > this.options.ringSize) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.ring.length) {
      this.ring = this.ring.slice(this.head);
      this.head = 0;
    }
    for (const listener of [...this.listeners]) listener(frame);
  }

  /**
   * Messages were (or may have been) lost upstream (the bus was disconnected): current listeners
   * get a `reset`, and clients resuming from before now will too.
   */
  markGap(): void {
    this.ring = [];
    this.head = 0;
    this.resetBelow = this.seq;
    const frame = encodeFrame({ type: 'reset', topic: this.topic, epoch: this.epoch, afterSeq: this.seq, reason: 'bus' });
    for (const listener of [...this.listeners]) listener(frame);
  }

  /**
   * Attaches a listener and says what to send first. With `afterSeq` (and the matching epoch) the
   * missed messages are replayed from the ring; without, the subscription starts now.
   */
  attach(listener: FrameListener, from: { afterSeq?: number; epoch?: string }): AttachResult {
    const result = this.plan(from);
    this.listeners.add(listener);
    this.onListenersChange(this.listeners.size);
    return result;
  }

  detach(listener: FrameListener): void {
    if (!this.listeners.delete(listener)) return;
    this.onListenersChange(this.listeners.size);
  }

  private plan({ afterSeq, epoch }: { afterSeq?: number; epoch?: string }): AttachResult {
    if (afterSeq === undefined) {
      const latest = this.ring[this.ring.length - 1];
      const maxAge = this.options.latestMaxAgeMs ?? 0;
      if (latest && this.ring.length > this.head && maxAge > 0 && this.now() - latest.at <= maxAge) {
        return { kind: 'replay', afterSeq: latest.seq - 1, frames: [latest.frame] };
      }
      return { kind: 'replay', afterSeq: this.seq, frames: [] };
    }
    if (epoch !== this.epoch || afterSeq > this.seq) return { kind: 'reset', afterSeq: this.seq, reason: 'epoch' };
    if (afterSeq === this.seq) return { kind: 'replay', afterSeq, frames: [] };
    if (afterSeq < this.resetBelow) return { kind: 'reset', afterSeq: this.seq, reason: 'bus' };
    const first = this.ring[this.head];
    if (!first || afterSeq + 1 < first.seq) return { kind: 'reset', afterSeq: this.seq, reason: 'gap' };
    const frames: string[] = [];
    for (let i = this.head + (afterSeq + 1 - first.seq); i < this.ring.length; i += 1) {
      const entry = this.ring[i];
      if (entry) frames.push(entry.frame);
    }
    return { kind: 'replay', afterSeq, frames };
  }
}
