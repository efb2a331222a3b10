/**
 * One connection's subscription to a run topic. History is sent first, page by page at the
 * client's pace (waiting for its socket to drain, so a long replay never trips the slow-consumer
 * limit); near the live tail it hands over to RunEventLog.subscribe, which delivers the rest and
 * then the live stream exactly once and in order. Every event leaves with consecutive seqs.
 */
import type { RunEvent } from '@dash/shared';
import { encodeRunEvent } from './frames.js';

/** What the gateway needs from the run services (RunEventLog satisfies read and subscribe). */
export interface RunFeedSource {
  /** False when no run has this id. */
  exists(runId: string): Promise<boolean>;
  read(runId: string, afterSeq: number, limit: number): Promise<RunEvent[]>;
  subscribe(runId: string, afterSeq: number, handler: (event: RunEvent) => void): Promise<() => void>;
}

/** The connection side of a run subscription. */
export interface RunFeedSink {
  send(frame: string): void;
  /** True when the socket can take more without waiting. */
  writable(): boolean;
  /** Resolves true once the socket has drained, false when the connection is gone. */
  drained(): Promise<boolean>;
}

const CATCH_UP_PAGE = 500;

export class RunFeed {
  private cancelled = false;
  private unsubscribe: (() => void) | null = null;
  private delivered: number;

  constructor(
    readonly topic: string,
    readonly runId: string,
    afterSeq: number,
    private readonly source: RunFeedSource,
    private readonly sink: RunFeedSink,
  ) {
    this.delivered = afterSeq;
  }

  /** Last seq sent to the client. */
  get lastSeq(): number {
    return this.delivered;
  }

  /** Runs the catch-up, then stays subscribed until cancel(). Rejects only on store errors. */
  async start(): Promise<void> {
    for (;;) {
      if (this.cancelled) return;
      const page = await this.source.read(this.runId, this.delivered, CATCH_UP_PAGE);
      let progressed = false;
      for (const event of page) {
        // A page can end early or skip ahead while the log is being flushed; the subscription
        // below fills any such gap from the store, so stop at the first discontinuity.
        if (event.seq !== this.delivered + 1) break;
        if (!this.sink.writable() && !(await this.sink.drained())) return;
        if (this.cancelled) return;
        this.deliver(event);
        progressed = true;
      }
      if (page.length < CATCH_UP_PAGE || !progressed) break;
    }
    if (this.cancelled) return;
    const unsubscribe = await this.source.subscribe(this.runId, this.delivered, (event) => this.deliver(event));
    if (this.cancelled) unsubscribe();
    else this.unsubscribe = unsubscribe;
  }

  cancel(): void {
    this.cancelled = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /**
   * Never twice, never backwards. A forward jump only comes from RunSubscription giving up on a gap
   * the store cannot fill (events lost); the client then sees the seq jump rather than a stall.
   */
  private deliver(event: RunEvent): void {
    if (this.cancelled || event.seq <= this.delivered) return;
    this.delivered = event.seq;
    this.sink.send(encodeRunEvent(this.topic, event));
  }
}
