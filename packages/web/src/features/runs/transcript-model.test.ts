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
