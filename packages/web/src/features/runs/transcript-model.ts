/**
 * A run's transcript as display rows, built incrementally from its events.
 *
 * - One row per message: the prompt and follow-ups (`user`), assistant text, tool calls (the call
 *   and its result folded into one row, matched by toolUseId), and subtle `note`s for what the
 *   session, supervisor and process did. Usage events feed the totals, not rows.
 * - stderr goes to its own lane, never between the messages.
 * - Events at or below the last seq are ignored, so overlapping REST pages and live events can
 *   be appended in any mix without duplicates.
 * - Built for 100,000+ events: plain arrays of small string-only rows (the owner keeps the model
 *   out of Vue's reactivity and bumps a version instead). Text kept per row is capped, and once
 *   the model holds `retainBudgetChars`, further rows keep only a short head: the full log stays
 *   one download away, memory stays bounded.
 */
import type { AgentEvent, AgentEventOf, RunEvent, RunUsage } from '@dash/shared';
import type { Tone } from '../../shared/ui/tone';
import { formatCount, formatElapsedMs, formatUsd } from '../../shared/utils/format-numbers';
import { summarizeToolCall } from './tool-summary';

interface RowBase {
  /** seq of the event that created the row. */
  readonly seq: number;
  /** Epoch ms at which the server received it. */
  readonly at: number;
  /** Bumped when the row changes after creation (a tool result arrives): a render key. */
  rev: number;
}

export interface MessageRow extends RowBase {
  readonly kind: 'user' | 'assistant';
  readonly text: string;
  /** Characters dropped from `text` to respect the memory caps. */
  readonly cutChars: number;
}

export interface ToolResultInfo {
  readonly seq: number;
  readonly isError: boolean;
  readonly output: string;
  /** The server cut the output (its limit) or we did (memory cap). */
  readonly truncated: boolean;
  readonly originalBytes: number | null;
}

export interface ToolRow extends RowBase {
  readonly kind: 'tool';
  readonly toolUseId: string;
  readonly name: string;
  readonly summary: string;
  /** The input as pretty JSON, capped. */
  readonly input: string;
  result: ToolResultInfo | null;
}

export interface NoteRow extends RowBase {
  readonly kind: 'note';
  readonly tone: Tone;
  readonly text: string;
  /** Verbatim output (unparsed lines), shown monospaced. */
  readonly mono: boolean;
}

export type TranscriptRow = MessageRow | ToolRow | NoteRow;

export interface StderrLine {
  readonly seq: number;
  readonly at: number;
  readonly line: string;
}

export interface TranscriptLimits {
  /** Max characters kept per message, tool input or output. */
  textChars: number;
  /** Total characters kept before rows shrink to `headChars`. */
  retainBudgetChars: number;
  headChars: number;
}

export const defaultTranscriptLimits: TranscriptLimits = {
  textChars: 200_000,
  retainBudgetChars: 48_000_000,
  headChars: 2_000,
};

const zeroUsage = (): RunUsage => ({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 });

export class TranscriptModel {
  readonly rows: TranscriptRow[] = [];
  readonly stderr: StderrLine[] = [];
  /** Highest seq applied; 0 before the first event. */
  lastSeq = 0;
  /** Events applied (rows + stderr + usage + ignored types). */
  eventCount = 0;
  /** Token and cost totals from usage events (same rules as the server's accumulator). */
  usage: RunUsage = zeroUsage();
  /** Characters currently held in rows and stderr. */
  retainedChars = 0;
  /** The agent's session id and model, from `session.started`. */
  session: { id: string; model: string | null } | null = null;

  private readonly openTools = new Map<string, ToolRow>();

  constructor(private readonly limits: TranscriptLimits = defaultTranscriptLimits) {}

  /** Applies events in seq order; returns how many were new. */
  append(events: Iterable<RunEvent>): number {
    let applied = 0;
    for (const event of events) {
      if (event.seq <= this.lastSeq) continue;
      this.lastSeq = event.seq;
      this.eventCount += 1;
      applied += 1;
      this.apply(event.seq, event.at, event.event);
    }
    return applied;
  }

  private apply(seq: number, at: number, event: AgentEvent): void {
    switch (event.type) {
      case 'assistant.text':
      case 'user.message': {
        const [text, cutChars] = this.keep(event.text);
        this.push({ kind: event.type === 'user.message' ? 'user' : 'assistant', seq, at, rev: 0, text, cutChars });
        return;
      }
      case 'tool.call': {
        const row: ToolRow = {
          kind: 'tool',
          seq,
          at,
          rev: 0,
          toolUseId: event.toolUseId,
          name: event.name,
          summary: summarizeToolCall(event.name, event.input),
          input: this.keep(stringifyInput(event.input))[0],
          result: null,
        };
        this.openTools.set(event.toolUseId, row);
        this.push(row);
        return;
      }
      case 'tool.result':
        this.attachResult(seq, at, event);
        return;
      case 'usage':
        this.addUsage(event);
        return;
      case 'stderr': {
        const [line] = this.keep(event.line);
        this.stderr.push({ seq, at, line });
        return;
      }
      case 'session.started':
        this.session = { id: event.sessionId, model: event.model };
        this.note(seq, at, 'neutral', describeSession(event));
        return;
      case 'supervisor':
        this.note(seq, at, supervisorTone(event.action), event.message);
        return;
      case 'exit':
        this.note(seq, at, event.code === 0 ? 'neutral' : 'warning', describeExit(event));
        return;
      case 'result':
        // A stop the user asked for is not a failure worth alarming about.
        this.note(seq, at, event.success ? 'ok' : event.errorKind === 'cancelled' ? 'warning' : 'critical', describeResult(event));
        return;
      case 'input.requested':
        this.note(
          seq,
          at,
          'warning',
          event.kind === 'approval'
            ? `Approval requested${event.toolName ? ` for ${event.toolName}` : ''}: ${event.prompt}`
            : `Waiting for input: ${event.prompt}`,
        );
        return;
      case 'log.truncated':
        this.note(seq, at, 'warning', event.message);
        return;
      case 'log.summary':
        this.note(seq, at, 'neutral', describeSummary(event));
        return;
      case 'raw': {
        const [text] = this.keep(event.line);
        this.push({ kind: 'note', seq, at, rev: 0, tone: 'neutral', text, mono: true });
        return;
      }
    }
  }

  private attachResult(seq: number, at: number, event: AgentEventOf<'tool.result'>): void {
    const [output, cut] = this.keep(event.output);
    const result: ToolResultInfo = {
      seq,
      isError: event.isError,
      output,
      truncated: event.truncated || cut > 0,
      originalBytes: event.originalBytes ?? null,
    };
    const row = this.openTools.get(event.toolUseId);
    if (row) {
      this.openTools.delete(event.toolUseId);
      row.result = result;
      row.rev += 1;
      return;
    }
    // A result without its call (cut from the log, or a runtime that reports results only).
    this.push({ kind: 'tool', seq, at, rev: 0, toolUseId: event.toolUseId, name: 'Tool result', summary: '', input: '', result });
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

  private note(seq: number, at: number, tone: Tone, text: string): void {
    this.push({ kind: 'note', seq, at, rev: 0, tone, text: this.keep(text)[0], mono: false });
  }

  private push(row: TranscriptRow): void {
    this.rows.push(row);
  }

  /** The text to keep under the caps, and how many characters were dropped. */
  private keep(text: string): [string, number] {
    const cap = this.retainedChars >= this.limits.retainBudgetChars ? this.limits.headChars : this.limits.textChars;
    const kept = text.length > cap ? text.slice(0, cap) : text;
    this.retainedChars += kept.length;
    return [kept, text.length - kept.length];
  }
}

function stringifyInput(input: unknown): string {
  if (input === undefined) return '';
  try {
    return JSON.stringify(input, null, 2) ?? '';
  } catch {
    return String(input);
  }
}

function describeSession(event: AgentEventOf<'session.started'>): string {
  const parts = ['Session started'];
  if (event.model) parts.push(`model ${event.model}`);
  if (event.tools.length > 0) parts.push(`${event.tools.length} tools`);
  if (event.cwd) parts.push(`in ${event.cwd}`);
  return parts.join(' · ');
}

function describeExit(event: AgentEventOf<'exit'>): string {
  if (event.signal) return `Process ended by ${event.signal}`;
  return event.code === null ? 'Process exited' : `Process exited with code ${event.code}`;
}

function describeResult(event: AgentEventOf<'result'>): string {
  const facts: string[] = [];
  if (event.turns !== null) facts.push(`${event.turns} ${event.turns === 1 ? 'turn' : 'turns'}`);
  if (event.durationMs !== null) facts.push(formatElapsedMs(event.durationMs));
  if (event.costUsd !== null) facts.push(formatUsd(event.costUsd));
  const head = event.success ? 'Finished' : `Failed${event.errorKind ? ` (${event.errorKind.replace('_', ' ')})` : ''}`;
  // On failure the text is usually the error; agents sometimes repeat their last message there, so keep one line.
  const tail = !event.success && event.text ? `: ${oneLine(event.text, RESULT_TEXT_MAX)}` : '';
  const resets = event.resetsAt ? ` · limit resets ${event.resetsAt}` : '';
  return [head, ...facts].join(' · ') + resets + tail;
}

const RESULT_TEXT_MAX = 200;

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function describeSummary(event: AgentEventOf<'log.summary'>): string {
  const byType = Object.entries(event.byType)
    .map(([type, count]) => `${type} ${formatCount(count)}`)
    .join(', ');
  return `${formatCount(event.droppedEvents)} events (${formatCount(event.droppedBytes)} bytes) not stored${byType ? `: ${byType}` : ''}`;
}

function supervisorTone(action: AgentEventOf<'supervisor'>['action']): Tone {
  switch (action) {
    case 'spawn_failed':
    case 'lost':
    case 'restart_limit':
      return 'critical';
    case 'wall_timeout':
    case 'idle_timeout':
    case 'restart_scheduled':
    case 'signal_sent':
    case 'stop_requested':
      return 'warning';
    case 'spawned':
      return 'neutral';
  }
}
