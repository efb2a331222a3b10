/**
 * The run event log: gives every event of a run its sequence number, streams it to live
 * subscribers at once, and persists it in order in batches. Guarantees:
 *  - seq is gap-free per run, in the order events were recorded;
 *  - a subscriber gets every event after the seq it asks for exactly once, in order, whether it
 *    comes from the ring buffer, the store or the live stream (gaps are filled from the store);
 *  - a failed write is retried with backoff and never drops events;
 *  - past the per-run size cap, control events are still stored and the rest is summarized.
 */
import type { AgentEvent, RunEvent } from '@dash/shared';
import { isDeepStrictEqual } from 'node:util';
import { isAppError } from '../../domain/app-error.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { RunEventRepository } from '../../ports/run-event-repository.js';
import type { RunMetrics } from '../../ports/run-metrics.js';
import { RingBudget, RunEventRing } from './ring-buffer.js';
import { RunSubscription } from './run-subscription.js';

export interface RunEventLogOptions {
  /** Stored bytes per run before events are summarized. @default 50 MiB */
  capBytes: number;
  /** How often pending events are written. @default 20 ms */
  flushIntervalMs: number;
  /** Largest batch per write. @default 500 */
  maxBatch: number;
  /** Ring buffer bounds per run. @default 5,000 events / 4 MiB */
  ringEvents: number;
  ringBytes: number;
  /** Bytes all runs' rings may hold together (see RingBudget). @default 48 MiB */
  ringTotalBytes: number;
  /** How long a finished run's ring stays in memory. @default 60 s */
  ringLingerMs: number;
}

export const defaultRunEventLogOptions: RunEventLogOptions = {
  capBytes: 50 * 1024 * 1024,
  flushIntervalMs: 20,
  maxBatch: 500,
  ringEvents: 5_000,
  ringBytes: 4 * 1024 * 1024,
  ringTotalBytes: 48 * 1024 * 1024,
  ringLingerMs: 60_000,
};

/**
 * Event types that are always stored, even past the cap: run state is derived from them.
 * Per-message usage is not among them (it can be as frequent as output); cumulative usage is.
 */
const controlTypes = new Set<AgentEvent['type']>([
  'session.started',
  'user.message',
  'input.requested',
  'result',
  'exit',
  'supervisor',
  'log.truncated',
  'log.summary',
]);

interface RunLog {
  runId: string;
  nextSeq: number;
  storedBytes: number;
  pending: { event: RunEvent; bytes: number }[];
  writing: Promise<void> | null;
  ring: RunEventRing;
  capped: boolean;
  dropped: { events: number; bytes: number; byType: Record<string, number> };
  lastSummaryAt: number;
  retryDelayMs: number;
  retryAt: number;
  /** Until then this run is written on its own, not in the group commit. */
  soloUntil: number;
  closing: boolean;
}

/**
 * What one event costs on the heap beyond its JSON size (objects, the string, hidden classes):
 * measured with heap snapshots in the soak, ~300 bytes for a ~170-byte event. The ring bounds and
 * the shared budget count JSON size plus this, so they bound real memory.
 */
const EVENT_HEAP_OVERHEAD = 300;

/** Under memory pressure a ring still serves this many recent events to a (re)joining viewer. */
const RING_MIN_EVENTS = 200;

export const runTopic = (runId: string): string => `run:${runId}`;

export class RunEventLog {
  private readonly runs = new Map<string, RunLog>();
  private readonly lingering = new Map<string, { ring: RunEventRing; timer: ReturnType<typeof setTimeout> }>();
  /** Runs whose log was discarded (see discard()); their late events are dropped without noise. */
  private readonly discarded = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly options: RunEventLogOptions;
  /** Shared by every ring of this log (open and lingering runs). */
  private readonly ringBudget: RingBudget;

  constructor(
    private readonly deps: {
      repo: RunEventRepository;
      bus: EventBus;
      clock: Clock;
      metrics: RunMetrics;
      logger: Logger;
    },
    options: Partial<RunEventLogOptions> = {},
  ) {
    this.options = { ...defaultRunEventLogOptions, ...options };
    this.ringBudget = new RingBudget(this.options.ringTotalBytes, RING_MIN_EVENTS);
  }

  /** Bytes the rings hold together (for tests and metrics). */
  get ringBytesInUse(): number {
    return this.ringBudget.used;
  }

  /** Prepares a run's log; seq continues after what the store already holds. */
  async open(runId: string, storedBytes = 0): Promise<void> {
    if (this.runs.has(runId)) return;
    const lastSeq = await this.deps.repo.lastSeq(runId);
    const lingering = this.lingering.get(runId);
    if (lingering) {
      clearTimeout(lingering.timer);
      this.lingering.delete(runId);
    }
    this.runs.set(runId, {
      runId,
      nextSeq: lastSeq + 1,
      storedBytes,
      pending: [],
      writing: null,
      ring: lingering?.ring ?? new RunEventRing(this.options.ringEvents, this.options.ringBytes, this.ringBudget),
      capped: storedBytes >= this.options.capBytes,
      dropped: { events: 0, bytes: 0, byType: {} },
      lastSummaryAt: this.deps.clock.now(),
      retryDelayMs: 0,
      retryAt: 0,
      soloUntil: 0,
      closing: false,
    });
    this.ensureTimer();
  }

  /** True once the run's stored log reached the cap (its later output is summarized). */
  isCapped(runId: string): boolean {
    return this.runs.get(runId)?.capped ?? false;
  }

  isOpen(runId: string): boolean {
    return this.runs.has(runId);
  }

  /**
   * Records one event: numbered, published live, queued for the store. Returns the numbered event,
   * or null when the run is past its cap and the event was summarized instead. Never throws.
   */
  record(runId: string, event: AgentEvent): RunEvent | null {
    const log = this.runs.get(runId);
    if (!log) {
      if (this.discarded.has(runId)) return null;
      this.deps.logger.error({ runId, type: event.type }, 'event for a run whose log is not open; dropped');
      return null;
    }
    const bytes = byteLength(event);
    // Keep the run's ending last: account for summarized output before the result and exit.
    if ((event.type === 'result' || event.type === 'exit') && log.dropped.events > 0) this.emitSummary(log);
    const control = controlTypes.has(event.type) || (event.type === 'usage' && event.cumulative);
    if (!control && log.storedBytes + bytes > this.options.capBytes) {
      if (!log.capped) {
        log.capped = true;
        this.append(log, {
          type: 'log.truncated',
          capBytes: this.options.capBytes,
          message: `Stored log reached ${this.options.capBytes} bytes; further output is summarized.`,
        });
      }
      log.dropped.events += 1;
      log.dropped.bytes += bytes;
      log.dropped.byType[event.type] = (log.dropped.byType[event.type] ?? 0) + 1;
      if (log.dropped.events % 1000 === 0) this.emitSummary(log);
      return null;
    }
    return this.append(log, event, bytes);
  }

  private append(log: RunLog, event: AgentEvent, bytes = byteLength(event)): RunEvent {
    const numbered: RunEvent = { runId: log.runId, seq: log.nextSeq, at: this.deps.clock.now(), event };
    log.nextSeq += 1;
    log.storedBytes += bytes;
    log.pending.push({ event: numbered, bytes });
    log.ring.push(numbered, bytes + EVENT_HEAP_OVERHEAD);
    this.deps.bus.publish(runTopic(log.runId), numbered);
    if (log.pending.length >= this.options.maxBatch) this.kick(log);
    return numbered;
  }

  private emitSummary(log: RunLog): void {
    if (log.dropped.events === 0) return;
    this.append(log, {
      type: 'log.summary',
      droppedEvents: log.dropped.events,
      droppedBytes: log.dropped.bytes,
      byType: { ...log.dropped.byType },
    });
    log.dropped = { events: 0, bytes: 0, byType: {} };
    log.lastSummaryAt = this.deps.clock.now();
  }

  /** Last seq handed out for a run (0 when none), or null when the log is not open here. */
  lastSeq(runId: string): number | null {
    const log = this.runs.get(runId);
    return log ? log.nextSeq - 1 : null;
  }

  /** Writes everything pending for a run; resolves when it is in the store. */
  async flush(runId: string): Promise<void> {
    const log = this.runs.get(runId);
    if (!log) return;
    while (log.pending.length > 0 || log.writing) {
      if (log.writing) {
        await log.writing;
        continue;
      }
      await this.write(log);
      if (log.pending.length > 0 && log.retryDelayMs > 0) await sleep(log.retryDelayMs);
    }
  }

  /**
   * Appends one event at the end of a run's stored log, for a run settled here without its log
   * being written here (a lost run recovered from a crashed or dead replica): numbered after the
   * last stored event and, when another writer stored more meanwhile (the old owner's last events
   * landing late), numbered again after those, so it stays the log's last event (the old owner's
   * later writes then clash with it and are dropped there, see settleConflict). A write whose
   * answer was lost but which committed counts as written. Store errors are retried with backoff;
   * after `attempts` tries the last error is thrown (the caller settles the run again later).
   * Published live once stored.
   */
  async appendFinal(runId: string, event: AgentEvent, attempts = 8): Promise<RunEvent> {
    const bytes = byteLength(event);
    let delayMs = 100;
    for (let attempt = 1; ; attempt++) {
      const numbered: RunEvent = { runId, seq: 0, at: this.deps.clock.now(), event };
      try {
        numbered.seq = (await this.deps.repo.lastSeq(runId)) + 1;
        await this.deps.repo.append(runId, [numbered], bytes);
      } catch (err) {
        const there = numbered.seq === 0 ? [] : await this.deps.repo.page(runId, { afterSeq: numbered.seq - 1, limit: 1 }).catch(() => []);
        const written = there.length === 1 && sameEvent(there[0] as RunEvent, numbered);
        if (!written) {
          if (attempt >= attempts) throw err;
          if (isAppError(err) && err.code === 'CONFLICT') continue; // someone else's event there: go after it
          await sleep(delayMs);
          delayMs = Math.min(delayMs * 2, 2_000);
          continue;
        }
      }
      this.deps.metrics.eventsPersisted(1);
      this.deps.bus.publish(runTopic(runId), numbered);
      return numbered;
    }
  }

  /** Flushes and closes a run's log; its ring lingers for late subscribers. */
  async close(runId: string): Promise<void> {
    const log = this.runs.get(runId);
    if (!log) return;
    log.closing = true;
    this.emitSummary(log);
    await this.flush(runId);
    this.runs.delete(runId);
    const timer = setTimeout(() => this.dropLingering(runId), this.options.ringLingerMs);
    timer.unref?.();
    this.lingering.set(runId, { ring: log.ring, timer });
    if (this.runs.size === 0) this.stopTimer();
  }

  /**
   * Drops a run's log without writing what is pending: its run was settled by another replica,
   * which owns its sequence from now on. Later events for it are dropped quietly.
   */
  discard(runId: string): void {
    const log = this.runs.get(runId);
    if (!log) return;
    this.runs.delete(runId);
    log.ring.release();
    this.discarded.add(runId);
    if (this.runs.size === 0) this.stopTimer();
  }

  /** Flushes every open run (shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.runs.keys()].map((id) => this.flush(id)));
  }

  /**
   * Delivers every event with seq > afterSeq, then live events, exactly once and in order.
   * Returns the unsubscribe function.
   */
  async subscribe(runId: string, afterSeq: number, handler: (event: RunEvent) => void): Promise<() => void> {
    const sub = new RunSubscription(runId, afterSeq, handler, (from, limit) => this.read(runId, from, limit));
    const unsubscribe = this.deps.bus.subscribe<RunEvent>(runTopic(runId), (e) => sub.live(e));
    await sub.start();
    return () => {
      unsubscribe();
      sub.cancel();
    };
  }

  /** Events after `afterSeq` from the ring when it holds them all, else from the store plus pending. */
  async read(runId: string, afterSeq: number, limit: number): Promise<RunEvent[]> {
    const ring = this.runs.get(runId)?.ring ?? this.lingering.get(runId)?.ring;
    const fromRing = ring?.since(afterSeq);
    if (fromRing) return fromRing.slice(0, limit);
    // Copy what is still unwritten BEFORE reading the store: every event missing from that copy was
    // committed before the query began, so store page + copy has no gap even when a write lands
    // while the page is being read.
    const pending = [...(this.runs.get(runId)?.pending ?? [])];
    const stored = await this.deps.repo.page(runId, { afterSeq, limit });
    if (stored.length >= limit) return stored;
    const last = stored[stored.length - 1]?.seq ?? afterSeq;
    const extra = pending.filter((p) => p.event.seq > last).map((p) => p.event);
    return [...stored, ...extra].slice(0, limit);
  }

  async stop(): Promise<void> {
    await this.flushAll();
    this.stopTimer();
    for (const runId of [...this.lingering.keys()]) this.dropLingering(runId);
  }

  private dropLingering(runId: string): void {
    const lingering = this.lingering.get(runId);
    if (!lingering) return;
    clearTimeout(lingering.timer);
    lingering.ring.release();
    this.lingering.delete(runId);
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.options.flushIntervalMs);
    this.timer.unref?.();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Writes every run that has pending events in one transaction (group commit): with many agents
   * streaming at once, one commit per tick instead of one per run keeps the store, and on SQLite
   * the event loop, free. A run whose group write failed is written on its own for a while, so
   * one bad batch cannot hold the others back.
   */
  private tick(): void {
    const now = this.deps.clock.now();
    const group: RunLog[] = [];
    for (const log of this.runs.values()) {
      if (log.capped && log.dropped.events > 0 && now - log.lastSummaryAt > 2_000) this.emitSummary(log);
      if (log.pending.length === 0 || log.writing || now < log.retryAt) continue;
      if (now < log.soloUntil) this.kick(log);
      else group.push(log);
    }
    if (group.length === 1) this.kick(group[0] as RunLog);
    else if (group.length > 1) void this.writeGroup(group);
  }

  private writeGroup(logs: RunLog[]): Promise<void> {
    const batches = logs.map((log) => {
      const batch = log.pending.slice(0, this.options.maxBatch);
      return { log, batch, bytes: batch.reduce((sum, p) => sum + p.bytes, 0) };
    });
    const written = this.deps.repo
      .appendMany(batches.map(({ log, batch, bytes }) => ({ runId: log.runId, events: batch.map((p) => p.event), bytes })))
      .then(() => {
        let count = 0;
        for (const { log, batch } of batches) {
          log.pending.splice(0, batch.length);
          log.retryDelayMs = 0;
          log.retryAt = 0;
          count += batch.length;
        }
        this.deps.metrics.eventsPersisted(count);
      })
      .catch((err: unknown) => {
        const soloUntil = this.deps.clock.now() + 5_000;
        for (const { log } of batches) log.soloUntil = soloUntil;
        this.deps.logger.warn({ runs: logs.length, err: errorMessage(err) }, 'group write of run events failed; writing runs one by one');
      })
      .finally(() => {
        for (const { log } of batches) log.writing = null;
      });
    for (const log of logs) log.writing = written;
    return written;
  }

  private kick(log: RunLog): void {
    if (log.writing) return;
    void this.write(log);
  }

  private write(log: RunLog): Promise<void> {
    if (log.writing) return log.writing;
    const batch = log.pending.slice(0, this.options.maxBatch);
    if (batch.length === 0) return Promise.resolve();
    const bytes = batch.reduce((sum, p) => sum + p.bytes, 0);
    const events = batch.map((p) => p.event);
    log.writing = this.deps.repo
      .append(log.runId, events, bytes)
      .then(() => {
        log.pending.splice(0, batch.length);
        log.retryDelayMs = 0;
        log.retryAt = 0;
        this.deps.metrics.eventsPersisted(batch.length);
      })
      .catch(async (err: unknown) => {
        if (isAppError(err) && err.code === 'CONFLICT' && (await this.settleConflict(log, events))) return;
        log.retryDelayMs = Math.min(Math.max(log.retryDelayMs * 2, 100), 5_000);
        log.retryAt = this.deps.clock.now() + log.retryDelayMs;
        this.deps.logger.warn(
          { runId: log.runId, err: errorMessage(err), pending: log.pending.length, retryInMs: log.retryDelayMs },
          'writing run events failed; will retry',
        );
      })
      .finally(() => {
        log.writing = null;
      });
    return log.writing;
  }

  /**
   * The store already holds events at the batch's sequence numbers. Either they are this batch
   * (an earlier attempt committed but its answer was lost, e.g. the connection dropped after the
   * commit): they count as written and the rest goes on. Or another writer continued the log (the
   * replica that recovered this run as lost): it owns the sequence now, so what is pending here is
   * dropped and the log discarded — retrying would clash forever. Returns false when the store
   * shows nothing there (an ordinary retry).
   */
  private async settleConflict(log: RunLog, batch: readonly RunEvent[]): Promise<boolean> {
    const first = batch[0] as RunEvent;
    let stored: RunEvent[];
    try {
      stored = await this.deps.repo.page(log.runId, { afterSeq: first.seq - 1, limit: batch.length });
    } catch {
      return false;
    }
    if (stored.length === 0) return false;
    const ours = stored.every((e, i) => sameEvent(e, batch[i]));
    if (ours) {
      log.pending.splice(0, stored.length);
      log.retryDelayMs = 0;
      log.retryAt = 0;
      this.deps.metrics.eventsPersisted(stored.length);
      return true;
    }
    this.deps.logger.warn(
      { runId: log.runId, fromSeq: first.seq, dropped: log.pending.length },
      'another writer continued this run\'s event log (the run was recovered elsewhere); dropping the events not stored here',
    );
    log.pending.length = 0;
    this.discard(log.runId);
    return true;
  }
}

const sameEvent = (a: RunEvent, b: RunEvent | undefined): boolean =>
  // Compared as stored (a JSON round trip): jsonb may reorder keys, and undefined fields vanish.
  b !== undefined && a.seq === b.seq && a.at === b.at && isDeepStrictEqual(a.event, JSON.parse(JSON.stringify(b.event)));

const byteLength = (event: AgentEvent): number => Buffer.byteLength(JSON.stringify(event), 'utf8');
const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
