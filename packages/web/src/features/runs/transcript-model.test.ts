import type { AgentEvent, RunEvent } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { numbered, stderr, text, toolCall, toolResult, usage, userMessage } from '../../test-support/run-fixtures';
import { summarizeToolCall } from './tool-summary';
import { TranscriptModel, type ToolRow } from './transcript-model';

describe('transcript model', () => {
  it('folds a tool call and its result into one row, matched by tool use id', () => {
    const sut = new TranscriptModel();

    sut.append(
      numbered([
        userMessage('Write the plan'),
        text('I will write it.'),
        toolCall('t1', 'Write', { file_path: 'plan.md', content: '# Plan' }),
        toolCall('t2', 'Bash', { command: 'npm test' }),
        toolResult('t2', 'exit 1: 3 failing', true),
        toolResult('t1', 'ok'),
      ]),
    );

    expect(sut.rows.map((r) => r.kind)).toEqual(['user', 'assistant', 'tool', 'tool']);
    const [write, bash] = sut.rows.slice(2) as ToolRow[];
    expect(write).toMatchObject({ name: 'Write', summary: 'plan.md', result: { isError: false, output: 'ok' }, rev: 1 });
    expect(JSON.parse(write!.input)).toEqual({ file_path: 'plan.md', content: '# Plan' });
    expect(bash).toMatchObject({ name: 'Bash', summary: 'npm test', result: { isError: true, output: 'exit 1: 3 failing' } });
  });

  it('shows a result whose call is missing as its own tool row', () => {
    const sut = new TranscriptModel();

    sut.append(numbered([toolResult('orphan', 'late output')]));

    expect(sut.rows).toMatchObject([{ kind: 'tool', name: 'Tool result', result: { output: 'late output' } }]);
  });

  it('keeps stderr in its own lane, out of the transcript rows', () => {
    const sut = new TranscriptModel();

    sut.append(numbered([text('a'), stderr('warning: deprecated'), text('b'), stderr('second')]));

    expect(sut.rows.map((r) => (r.kind === 'assistant' ? r.text : r.kind))).toEqual(['a', 'b']);
    expect(sut.stderr.map((l) => [l.seq, l.line])).toEqual([
      [2, 'warning: deprecated'],
      [4, 'second'],
    ]);
  });

  it('ignores events at or below the last seq (overlapping pages and live events)', () => {
    const sut = new TranscriptModel();
    const events = numbered([text('1'), text('2'), text('3'), text('4')]);

    expect(sut.append(events.slice(0, 3))).toBe(3);
    expect(sut.append(events.slice(1))).toBe(1);
    expect(sut.append(events)).toBe(0);

    expect(sut.rows).toHaveLength(4);
    expect(sut.lastSeq).toBe(4);
  });

  it('sums usage deltas and lets a cumulative total add only what they missed', () => {
    const sut = new TranscriptModel();

    sut.append(numbered([usage(100, 20, null), usage(50, 10, null), usage(200, 40, 0.12, true)]));

    expect(sut.usage).toEqual({ inputTokens: 200, outputTokens: 40, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.12 });
    expect(sut.rows).toHaveLength(0);
  });

  it('turns session, supervisor, result and exit events into subtle notes with a tone', () => {
    const sut = new TranscriptModel();

    sut.append(
      numbered([
        { type: 'session.started', sessionId: 's1', model: 'opus', tools: ['Bash', 'Read'], cwd: '/w' },
        { type: 'supervisor', action: 'idle_timeout', message: 'No output for 30 min' },
        { type: 'result', success: false, text: 'Too many turns', turns: 50, durationMs: 65_000, costUsd: 1.5, errorKind: 'max_turns' },
        { type: 'exit', code: 1, signal: null },
        { type: 'raw', line: '{not json' },
      ]),
    );

    expect(sut.rows).toMatchObject([
      { kind: 'note', tone: 'neutral', text: 'Session started · model opus · 2 tools · in /w' },
      { kind: 'note', tone: 'warning', text: 'No output for 30 min' },
      { kind: 'note', tone: 'critical', text: 'Failed (max turns) · 50 turns · 1 min 5 s · $1.50: Too many turns' },
      { kind: 'note', tone: 'warning', text: 'Process exited with code 1' },
      { kind: 'note', mono: true, text: '{not json' },
    ]);
    expect(sut.session).toEqual({ id: 's1', model: 'opus' });
  });

  it('caps the text it keeps, and keeps only a short head once its budget is spent', () => {
    const sut = new TranscriptModel({ textChars: 100, retainBudgetChars: 250, headChars: 10 });

    sut.append(numbered([text('a'.repeat(150)), text('b'.repeat(100)), text('c'.repeat(100)), text('d'.repeat(100))]));

    expect(sut.rows.map((r) => (r.kind === 'assistant' ? [r.text.length, r.cutChars] : null))).toEqual([
      [100, 50],
      [100, 0],
      [100, 0],
      [10, 90],
    ]);
  });
});

describe('tool call summaries', () => {
  it.each([
    ['Bash', { command: 'ls  -la\n/tmp' }, 'ls -la /tmp'],
    ['Read', { file_path: '/a/b.ts', limit: 10 }, '/a/b.ts'],
    ['Grep', { pattern: 'TODO', path: 'src' }, 'TODO in src'],
    ['TodoWrite', { todos: [{}, {}, {}] }, '3 to-do items'],
    ['mcp__x__y', { anything: 'first string' }, 'first string'],
    ['Weird', 42, ''],
  ])('%s %j → %j', (name, input, expected) => {
    expect(summarizeToolCall(name, input)).toBe(expected);
  });

  it('cuts long summaries to one line', () => {
    expect(summarizeToolCall('Bash', { command: 'x'.repeat(500) })).toHaveLength(160);
  });
});

/** A mixed stream like an agent's: text, tool calls with their results, stderr and usage. */
function agentEvents(count: number, firstSeq = 1): RunEvent[] {
  const events: AgentEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = firstSeq + i;
    if (n % 10 === 3) events.push(toolCall(`t${n}`, 'Bash', { command: `echo ${n}` }));
    else if (n % 10 === 4) events.push(toolResult(`t${n - 1}`, `out ${n - 1}`));
    else if (n % 10 === 7) events.push(stderr(`err ${n}`));
    else if (n % 10 === 8) events.push(usage(1, 1, null));
    else events.push(text(`line ${n}`));
  }
  return numbered(events, 'run-1', firstSeq);
}

/** Rows a model over events 1…n would have (tool results fold into their calls; stderr and usage make none). */
const rowsFor = (events: RunEvent[]): number => events.filter((e) => !['tool.result', 'stderr', 'usage'].includes(e.event.type)).length;

const seqsOf = (model: TranscriptModel): number[] => model.rows.map((r) => r.seq);
const strictlyIncreasing = (seqs: number[]): boolean => seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!);

describe('transcript window', () => {
  it('never holds more rows than the cap while 120,000 events stream in', () => {
    const sut = new TranscriptModel({ windowRows: 20_000, stderrLines: 1_000 });
    const all = agentEvents(120_000);

    for (let from = 0; from < all.length; from += 250) {
      sut.append(all.slice(from, from + 250));
      expect(sut.rows.length).toBeLessThanOrEqual(20_000);
      expect(sut.stderr.length).toBeLessThanOrEqual(1_000);
    }

    // The newest rows, in order, and the count of those that left.
    expect(sut.rows.length).toBeGreaterThanOrEqual(18_000);
    expect(sut.rows.at(-1)!.seq).toBe(120_000);
    expect(strictlyIncreasing(seqsOf(sut))).toBe(true);
    expect(sut.rowBase + sut.rows.length).toBe(rowsFor(all));
    expect(sut.startAfter).toBe(sut.rows[0]!.seq - 1);
    expect(sut.attached).toBe(true);
    expect(sut.newerEvents).toBe(0);
    // The stream's accounting covers every event, not just the window's.
    expect(sut.eventCount).toBe(120_000);
    expect(sut.usage.inputTokens).toBe(12_000);
    expect(sut.stderrBase + sut.stderr.length).toBe(12_000);
    expect(sut.stderr.at(-1)!.line).toBe('err 119997');
    // Tool rows in the window still have their results.
    const tools = sut.rows.filter((r): r is ToolRow => r.kind === 'tool');
    expect(tools.every((r) => r.result?.output === `out ${r.seq}`)).toBe(true);
  });

  it('still drops events it has seen after trimming (overlapping pages and live events)', () => {
    const sut = new TranscriptModel({ windowRows: 1_000 });
    const all = agentEvents(5_000);
    sut.append(all);
    const rows = seqsOf(sut);

    expect(sut.append(all.slice(0, 100))).toBe(0);
    expect(sut.append(all.slice(4_000))).toBe(0);
    expect(sut.append([...all.slice(4_990), ...agentEvents(10, 5_001)])).toBe(10);

    expect(seqsOf(sut).slice(0, -1).filter((seq) => seq <= 5_000)).toEqual(rows.filter((seq) => seq >= seqsOf(sut)[0]!));
    expect(new Set(seqsOf(sut)).size).toBe(sut.rows.length);
    expect(sut.eventCount).toBe(5_010);
  });

  it('pages earlier events in before the window, in order, without duplicates, joining split tool calls', () => {
    const all = agentEvents(10_000);
    const sut = new TranscriptModel({ windowRows: 3_000 });
    sut.append(all);
    const page = 1_000;

    for (let guard = 0; sut.startAfter > 0 && guard < 20; guard += 1) {
      const end = sut.startAfter;
      const after = Math.max(0, end - page);
      // The server's answer to ?after=<after>&limit=<end - after>.
      sut.prepend(all.filter((e) => e.seq > after).slice(0, end - after), after);
      expect(sut.startAfter).toBe(after);
      expect(sut.rows.length).toBeLessThanOrEqual(3_000);
      expect(strictlyIncreasing(seqsOf(sut))).toBe(true);
    }

    expect(sut.startAfter).toBe(0);
    expect(sut.rows[0]!.seq).toBe(1);
    // The newest side made room: the window is behind the live end now.
    expect(sut.attached).toBe(false);
    expect(sut.newerEvents).toBe(10_000 - sut.endSeq);
    // Every row is the one a model over the whole run would have, tool results included.
    const whole = new TranscriptModel({ windowRows: 1_000_000 });
    whole.append(all);
    expect(sut.rows).toEqual(whole.rows.slice(0, sut.rows.length).map((r) => expect.objectContaining({ seq: r.seq, kind: r.kind })));
    const tools = sut.rows.filter((r): r is ToolRow => r.kind === 'tool');
    expect(tools.every((r) => r.hasCall && r.name === 'Bash' && r.result?.output === `out ${r.seq}`)).toBe(true);
  });

  it('gives an orphan result row its call when the call is paged in', () => {
    const all = numbered([text('a'), toolCall('t1', 'Read', { file_path: 'x.ts' }), toolResult('t1', 'content'), text('b')]);
    const sut = new TranscriptModel();
    sut.append(all);
    // The window restarts after the call (as on "jump to latest").
    sut.resetWindow(2);
    sut.extend(all.slice(2));
    expect(sut.rows).toMatchObject([{ kind: 'tool', name: 'Tool result', hasCall: false }, { kind: 'assistant', text: 'b' }]);

    sut.prepend(all.slice(0, 2), 0);

    expect(sut.rows).toMatchObject([
      { kind: 'assistant', text: 'a' },
      { kind: 'tool', seq: 3, name: 'Read', summary: 'x.ts', hasCall: true, rev: 1, result: { output: 'content' } },
      { kind: 'assistant', text: 'b' },
    ]);
  });

  it('stops taking new rows when full and not following, and pages forward to the live end again', () => {
    const all = agentEvents(3_000);
    const sut = new TranscriptModel({ windowRows: 1_000 });
    sut.append(all.slice(0, 500));
    sut.follow = false;

    sut.append(all.slice(500));

    expect(sut.rows.length).toBe(1_000);
    expect(sut.startAfter).toBe(0);
    expect(sut.attached).toBe(false);
    expect(sut.lastSeq).toBe(3_000);
    expect(sut.newerEvents).toBe(3_000 - sut.endSeq);
    // Live events keep counting while the window is elsewhere.
    sut.append(agentEvents(10, 3_001));
    expect(sut.eventCount).toBe(3_010);

    // Pages from the window's end: overlapping results are not joined twice.
    for (let guard = 0; !sut.attached && guard < 10; guard += 1) {
      const start = sut.endSeq;
      sut.extend([...all, ...agentEvents(10, 3_001)].filter((e) => e.seq > start).slice(0, 500));
      expect(sut.rows.length).toBeLessThanOrEqual(1_000);
    }
    expect(sut.attached).toBe(true);
    expect(sut.rows.at(-1)!.seq).toBe(3_010);
    expect(strictlyIncreasing(seqsOf(sut))).toBe(true);
    expect(sut.eventCount).toBe(3_010);

    // Attached again: live events land in the window.
    sut.follow = true;
    sut.append(agentEvents(1, 3_011));
    expect(sut.rows.at(-1)!.seq).toBe(3_011);
  });
});
