/**
 * Transcript rows: what one event becomes on screen. The model (transcript-model.ts) decides
 * which rows it keeps; this file only turns events into rows.
 *
 * - One row per message: the prompt and follow-ups (`user`), assistant text, tool calls (the call
 *   and its result folded into one row, matched by toolUseId), and subtle `note`s for what the
 *   session, supervisor and process did. Usage and stderr make no rows.
 * - Rows are small and string-only; the event itself is not kept.
 */
import type { AgentEvent, AgentEventOf } from '@dash/shared';
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
  /** The call's fields; a result seen without its call shows as "Tool result" until the call is loaded. */
  name: string;
  summary: string;
  /** The input as compact JSON, capped. */
  input: string;
  /** Whether the call is known (false: a result whose call is cut from the log or not loaded). */
  hasCall: boolean;
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

/** Caps text to what may be kept: returns the kept text and how many characters were dropped. */
export type KeepText = (text: string) => [string, number];

/**
 * The row an event starts, or null for events that start none (usage, stderr; a `tool.result`
 * joins its call: see `resultInfo` and `orphanResultRow`).
 */
export function eventRow(seq: number, at: number, event: AgentEvent, keep: KeepText): TranscriptRow | null {
  const note = (tone: Tone, text: string): NoteRow => ({ kind: 'note', seq, at, rev: 0, tone, text: keep(text)[0], mono: false });
  switch (event.type) {
    case 'assistant.text':
    case 'user.message': {
      const [text, cutChars] = keep(event.text);
      return { kind: event.type === 'user.message' ? 'user' : 'assistant', seq, at, rev: 0, text, cutChars };
    }
    case 'tool.call':
      return {
        kind: 'tool',
        seq,
        at,
        rev: 0,
        toolUseId: event.toolUseId,
        name: event.name,
        summary: summarizeToolCall(event.name, event.input),
        input: keep(stringifyInput(event.input))[0],
        hasCall: true,
        result: null,
      };
    case 'session.started':
      return note('neutral', describeSession(event));
    case 'supervisor':
      return note(supervisorTone(event.action), event.message);
    case 'exit':
      return note(event.code === 0 ? 'neutral' : 'warning', describeExit(event));
    case 'result':
      // A stop the user asked for is not a failure worth alarming about.
      return note(event.success ? 'ok' : event.errorKind === 'cancelled' ? 'warning' : 'critical', describeResult(event));
    case 'input.requested':
      return note(
        'warning',
        event.kind === 'approval'
          ? `Approval requested${event.toolName ? ` for ${event.toolName}` : ''}: ${event.prompt}`
          : `Waiting for input: ${event.prompt}`,
      );
    case 'log.truncated':
      return note('warning', event.message);
    case 'log.summary':
      return note('neutral', describeSummary(event));
    case 'raw':
      return { kind: 'note', seq, at, rev: 0, tone: 'neutral', text: keep(event.line)[0], mono: true };
    case 'tool.result':
    case 'usage':
    case 'stderr':
      return null;
  }
}

/** Whether an event type starts a row of its own (a tool result normally joins its call). */
export function startsRow(type: AgentEvent['type']): boolean {
  return type !== 'usage' && type !== 'stderr' && type !== 'tool.result';
}

export function resultInfo(seq: number, event: AgentEventOf<'tool.result'>, keep: KeepText): ToolResultInfo {
  const [output, cut] = keep(event.output);
  return { seq, isError: event.isError, output, truncated: event.truncated || cut > 0, originalBytes: event.originalBytes ?? null };
}

/** A result without its call (cut from the log, not loaded, or a runtime that reports results only). */
export function orphanResultRow(seq: number, at: number, toolUseId: string, result: ToolResultInfo): ToolRow {
  return { kind: 'tool', seq, at, rev: 0, toolUseId, name: 'Tool result', summary: '', input: '', hasCall: false, result };
}

/** Gives an orphan result row the call it belongs to (loaded later, from an earlier page). */
export function adoptCall(row: ToolRow, call: ToolRow): void {
  row.name = call.name;
  row.summary = call.summary;
  row.input = call.input;
  row.hasCall = true;
  row.rev += 1;
}

/** Characters a row holds (for the memory budget). */
export function rowChars(row: TranscriptRow): number {
  if (row.kind !== 'tool') return row.text.length;
  return row.input.length + row.summary.length + (row.result?.output.length ?? 0);
}

/** Compact JSON (indentation would be a good part of what a row keeps); the row pretty-prints it when opened. */
function stringifyInput(input: unknown): string {
  if (input === undefined) return '';
  try {
    return JSON.stringify(input) ?? '';
  } catch {
    return String(input);
  }
}

/** Tool input for display: indented when it is (uncut) JSON, else as kept. */
export function prettyInput(input: string): string {
  try {
    return JSON.stringify(JSON.parse(input), null, 2);
  } catch {
    return input;
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
