import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { eventLines, Terminal } from './output.js';

const collect = (isTTY: boolean): { stream: PassThrough & { isTTY?: boolean }; text: () => string } => {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  stream.isTTY = isTTY;
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
};

describe('Terminal', () => {
  it('on a TTY redraws the progress line on stderr and clears it before each output line', () => {
    const out = collect(false);
    const err = collect(true);
    const term = new Terminal(out.stream, err.stream);
    term.setProgress('run r1', { events: 3, tools: 1, costUsd: 0.5, state: 'live' });
    term.line('hello');
    term.done();
    expect(out.text()).toBe('hello\n');
    expect(err.text()).toContain('run r1 · live · 3 events · 1 tool calls');
    expect(err.text()).toContain('$0.5000');
    expect(err.text().split('\r\x1b[2K').length).toBeGreaterThanOrEqual(3);
  });

  it('without a TTY writes only the output lines', () => {
    const out = collect(false);
    const err = collect(false);
    const term = new Terminal(out.stream, err.stream);
    term.setProgress('run r1', { events: 1, tools: 0, costUsd: null, state: 'live' });
    term.line('a');
    term.line('b');
    expect(out.text()).toBe('a\nb\n');
    expect(err.text()).toBe('');
  });
});

describe('eventLines', () => {
  const at = (event: unknown) => ({ runId: 'r', seq: 1, at: 0, event }) as Parameters<typeof eventLines>[0];
  it('prints text line by line, tools and results in one line each, and skips bookkeeping', () => {
    expect(eventLines(at({ type: 'assistant.text', text: 'one\ntwo' }))).toEqual(['one', 'two']);
    expect(eventLines(at({ type: 'tool.call', toolUseId: 't', name: 'Bash', input: { command: 'ls' } }))).toEqual(['→ Bash {"command":"ls"}']);
    expect(eventLines(at({ type: 'tool.result', toolUseId: 't', isError: true, output: 'no\nway', truncated: false }))).toEqual(['✗ no way']);
    expect(eventLines(at({ type: 'usage', inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: null, cumulative: true }))).toEqual([]);
  });
});
