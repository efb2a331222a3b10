/**
 * A run's transcript as display rows, built incrementally from its events, with bounded memory.
 *
 * Two things are tracked apart:
 * - The stream: every event is seen once, in seq order (`append`); events at or below `lastSeq`
 *   are ignored, so overlapping REST pages and live events can be mixed without duplicates.
 *   Usage totals, the session and the stderr lane come from the stream.
 * - The window: the rows kept in memory, for the events in (`startAfter`, `endSeq`], at most
 *   `windowRows` of them. While the reader follows the live end, new rows push the oldest out
 *   (in batches). Older events are paged back in with `prepend`, which drops the newest rows when
 *   the window is full; the window is then `detached` from the live end, and `extend` pages
 *   forward again until it is attached. The server keeps everything; the window only decides
 *   what this page holds.
 * - stderr keeps its newest `stderrLines` lines; text kept per row is capped, and once the model
 *   holds `retainBudgetChars`, further rows keep only a short head.
 *
 * Plain arrays of small string-only rows: the owner keeps the model out of Vue's reactivity and
 * bumps a version instead. `rowBase` (and `stderrBase`) move when rows leave or enter at the
 * front, so a list can keep its measured heights and scroll position.
 */
import type { AgentEvent, AgentEventOf, RunEvent, RunUsage } from '@dash/shared';
import {
  adoptCall,
  eventRow,
  orphanResultRow,
  resultInfo,
  rowChars,
  startsRow,
  type StderrLine,
  type ToolResultInfo,
  type ToolRow,
  type TranscriptRow,
} from './transcript-rows';

export type { MessageRow, NoteRow, StderrLine, ToolResultInfo, ToolRow, TranscriptRow } from './transcript-rows';

/** Rows kept in memory by default: enough to scroll a long way back, small enough to level off. */
export const TRANSCRIPT_WINDOW_ROWS = 20_000;
/** stderr lines kept in memory by default. */
export const STDERR_WINDOW_LINES = 5_000;

export interface TranscriptLimits {
  /** Max characters kept per message, tool input or output. */
  textChars: number;
  /** Total characters kept before rows shrink to `headChars`. */
  retainBudgetChars: number;
  headChars: number;
  /** Most rows held at once. */
  windowRows: number;
  stderrLines: number;
}

export const defaultTranscriptLimits: TranscriptLimits = {
  textChars: 200_000,
  retainBudgetChars: 48_000_000,
  headChars: 2_000,
  windowRows: TRANSCRIPT_WINDOW_ROWS,
  stderrLines: STDERR_WINDOW_LINES,
};

/** Results of tool rows that left the window kept for when their call is paged back in; a few per trim. */
const BOUNDARY_RESULTS_MAX = 1_000;

const zeroUsage = (): RunUsage => ({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 });

/** Drops leave room for this share of the cap, so trimming (O(window)) happens once per batch. */
const trimBatch = (cap: number): number => Math.max(1, Math.floor(cap / 10));

export class TranscriptModel {
  /** The window's rows, oldest first. */
  rows: TranscriptRow[] = [];
  /** Position of `rows[0]` in an unbounded numbering: +n when n rows leave the front, −n when n are paged in. */
  rowBase = 0;
  /** The newest stderr lines. */
  readonly stderr: StderrLine[] = [];
  /** stderr lines dropped from the front (so `stderrBase + stderr.length` were seen). */
  stderrBase = 0;
  /** Highest seq seen on the stream; 0 before the first event. */
  lastSeq = 0;
  /** Events seen on the stream (rows + stderr + usage + ignored types). */
  eventCount = 0;
  /** Row-starting events seen on the stream (tool results, folded into their calls, not counted). */
  rowsSeen = 0;
  /** Token and cost totals from usage events (same rules as the server's accumulator). */
  usage: RunUsage = zeroUsage();
  /** Characters currently held in rows and stderr. */
  retainedChars = 0;
  /** The agent's session id and model, from `session.started`. */
  session: { id: string; model: string | null } | null = null;

  /** Events with seq ≤ this are outside the window (0: it starts at the beginning of the run). */
  startAfter = 0;
  /** The newest seq the window covers. */
  endSeq = 0;
  /** Whether the window reaches the live end (new events land in it). */
  attached = true;
  /** The reader follows the live end: a full window then drops its oldest rows, not the new ones. */
  follow = true;
  /** Bumped when the window is replaced (`resetWindow`): pages requested before belong to another window. */
  generation = 0;

  /** Every tool row in the window by toolUseId: results join their calls, duplicates are recognized. */
  private readonly tools = new Map<string, ToolRow>();
  private readonly boundaryResults = new Map<string, ToolResultInfo>();

  private readonly limits: TranscriptLimits;

  constructor(limits: Partial<TranscriptLimits> = {}) {
    this.limits = { ...defaultTranscriptLimits, ...limits };
  }

  /** Seq-numbered events before the window that this page does not hold. */
  get earlierEvents(): number {
    return this.startAfter;
  }

  /** Events after the window's end that this page does not hold. */
  get newerEvents(): number {
    return Math.max(0, this.lastSeq - this.endSeq);
  }

  /** Applies stream events in seq order; returns how many were new. */
  append(events: Iterable<RunEvent>): number {
    let applied = 0;
    for (const event of events) {
      if (event.seq <= this.lastSeq) continue;
      applied += 1;
      this.see(event);
      if (!this.attached) continue;
      if (this.applyToWindow(event, this.follow)) this.endSeq = event.seq;
      else this.attached = false;
    }
    return applied;
  }

  /**
   * Adds a page of the events in (`after`, `startAfter`] before the window (older events; the
   * stream already counted them). Drops the newest rows past the cap. Returns the rows added.
   */
  prepend(events: Iterable<RunEvent>, after: number): number {
    const block: TranscriptRow[] = [];
    const open = new Map<string, ToolRow>();
    for (const { seq, at, event } of events) {
      if (seq <= after || seq > this.startAfter) continue;
      if (event.type === 'tool.result') {
        const result = resultInfo(seq, event, this.keep);
        const call = open.get(event.toolUseId);
        if (call) {
          open.delete(event.toolUseId);
          call.result = result;
        } else block.push(orphanResultRow(seq, at, event.toolUseId, result));
        continue;
      }
      const row = eventRow(seq, at, event, this.keep);
      if (!row) continue;
      if (row.kind === 'tool') {
        // The result may already be in the window (an orphan row there takes the call), or in a row that left it.
        const orphan = this.tools.get(row.toolUseId);
        if (orphan && !orphan.hasCall) {
          this.retainedChars += row.input.length + row.summary.length;
          adoptCall(orphan, row);
          continue;
        }
        const known = this.boundaryResults.get(row.toolUseId);
        this.boundaryResults.delete(row.toolUseId);
        if (known) row.result = known;
        else open.set(row.toolUseId, row);
      }
      block.push(row);
    }
    for (const row of block) {
      this.retainedChars += rowChars(row);
      if (row.kind === 'tool') this.tools.set(row.toolUseId, row);
    }
    this.rows = block.length > 0 ? block.concat(this.rows) : this.rows;
    this.rowBase -= block.length;
    this.startAfter = after;
    if (this.rows.length > this.limits.windowRows) this.trimEnd(this.limits.windowRows);
    return block.length;
  }

  /**
   * Adds a page of events after the window's end (newer events; those the stream has not seen yet
   * are counted too). Full windows drop their oldest rows. Attaches once it reaches the live end.
   */
  extend(events: Iterable<RunEvent>): number {
    const before = this.rowBase + this.rows.length;
    for (const event of events) {
      if (event.seq <= this.endSeq) continue;
      if (event.seq > this.lastSeq) this.see(event);
      this.applyToWindow(event, true);
      this.endSeq = event.seq;
    }
    if (this.endSeq >= this.lastSeq) this.attached = true;
    return this.rowBase + this.rows.length - before;
  }

  /** Empties the window and restarts it after seq `after` (then `extend` fills it), e.g. to jump to the latest. */
  resetWindow(after: number): void {
    this.rowBase += this.rows.length + 1;
    for (const row of this.rows) this.retainedChars -= rowChars(row);
    this.rows = [];
    this.tools.clear();
    this.boundaryResults.clear();
    this.startAfter = after;
    this.endSeq = after;
    this.attached = after >= this.lastSeq;
    this.generation += 1;
  }

  // ---- stream --------------------------------------------------------------------------------

  private see({ seq, at, event }: RunEvent): void {
    this.lastSeq = seq;
    this.eventCount += 1;
    if (startsRow(event.type)) this.rowsSeen += 1;
    switch (event.type) {
      case 'usage':
        this.addUsage(event);
        return;
      case 'stderr':
        this.addStderr(seq, at, event.line);
        return;
      case 'session.started':
        this.session = { id: event.sessionId, model: event.model };
        return;
      default:
        return;
    }
  }

  private addStderr(seq: number, at: number, text: string): void {
    const [line] = this.keep(text);
    this.stderr.push({ seq, at, line });
    this.retainedChars += line.length;
    const cap = this.limits.stderrLines;
    if (this.stderr.length <= cap) return;
    const removed = this.stderr.splice(0, this.stderr.length - Math.max(0, cap - trimBatch(cap)));
    for (const old of removed) this.retainedChars -= old.line.length;
    this.stderrBase += removed.length;
  }

  private addUsage(event: AgentEventOf<'usage'>): void {
    const reported: RunUsage = {
      inputTokens: event.inputTokens,
      outputTokens: event.outputTokens,
      cacheReadTokens: event.cacheReadTokens,
      cacheWriteTokens: event.cacheWriteTokens,
      costUsd: event.costUsd ?? 0,
    };
    const total = this.usage;
    // A cumulative report adds only what the deltas before it missed (never counts twice).
    const add = (key: keyof RunUsage): number =>
      event.cumulative ? Math.max(0, reported[key] - total[key]) : reported[key];
    this.usage = {
      inputTokens: total.inputTokens + add('inputTokens'),
      outputTokens: total.outputTokens + add('outputTokens'),
      cacheReadTokens: total.cacheReadTokens + add('cacheReadTokens'),
      cacheWriteTokens: total.cacheWriteTokens + add('cacheWriteTokens'),
      costUsd: total.costUsd + add('costUsd'),
    };
  }

  // ---- window --------------------------------------------------------------------------------

  /** Adds the event's row at the window's end; false when the window is full and may not drop its oldest. */
  private applyToWindow({ seq, at, event }: RunEvent, dropOldest: boolean): boolean {
    if (event.type === 'tool.result') return this.attachResult(seq, at, event, dropOldest);
    const row = eventRow(seq, at, event as AgentEvent, this.keep);
    return row === null || this.push(row, dropOldest);
  }

  private attachResult(seq: number, at: number, event: AgentEventOf<'tool.result'>, dropOldest: boolean): boolean {
    const row = this.tools.get(event.toolUseId);
    // Already joined (the window's end was dropped and is being paged in again).
    if (row?.result?.seq === seq) return true;
    if (row && row.result === null) {
      row.result = resultInfo(seq, event, this.keep);
      row.rev += 1;
      this.retainedChars += row.result.output.length;
      return true;
    }
    return this.push(orphanResultRow(seq, at, event.toolUseId, resultInfo(seq, event, this.keep)), dropOldest);
  }

  private push(row: TranscriptRow, dropOldest: boolean): boolean {
    const cap = this.limits.windowRows;
    if (this.rows.length >= cap) {
      if (!dropOldest) return false;
      this.trimFront(Math.max(0, cap - trimBatch(cap)));
    }
    this.rows.push(row);
    this.retainedChars += rowChars(row);
    if (row.kind === 'tool') this.tools.set(row.toolUseId, row);
    return true;
  }

  /** Keeps the newest `keep` rows. */
  private trimFront(keep: number): void {
    const removed = this.rows.splice(0, Math.max(0, this.rows.length - keep));
    const first = this.rows[0];
    this.startAfter = first ? first.seq - 1 : this.endSeq;
    for (const row of removed) {
      this.forget(row);
      // Its result may lie inside the window's seq range: keep it for when the call is paged back in.
      if (row.kind === 'tool' && row.hasCall && row.result && row.result.seq > this.startAfter) {
        this.boundaryResults.set(row.toolUseId, row.result);
        if (this.boundaryResults.size > BOUNDARY_RESULTS_MAX) this.boundaryResults.delete(this.boundaryResults.keys().next().value as string);
      }
    }
    this.rowBase += removed.length;
  }

  /** Keeps the oldest `keep` rows; the window is then behind the live end. */
  private trimEnd(keep: number): void {
    const removed = this.rows.splice(keep);
    const first = removed[0];
    if (!first) return;
    this.endSeq = first.seq - 1;
    this.attached = false;
    for (const row of removed) this.forget(row);
  }

  private forget(row: TranscriptRow): void {
    this.retainedChars -= rowChars(row);
    if (row.kind === 'tool' && this.tools.get(row.toolUseId) === row) this.tools.delete(row.toolUseId);
  }

  /** The text to keep under the caps, and how many characters were dropped. */
  private readonly keep = (text: string): [string, number] => {
    const cap = this.retainedChars >= this.limits.retainBudgetChars ? this.limits.headChars : this.limits.textChars;
    const kept = text.length > cap ? text.slice(0, cap) : text;
    return [kept, text.length - kept.length];
  };
}
