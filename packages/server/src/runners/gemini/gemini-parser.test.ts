/**
 * Sample lines from google-gemini/gemini-cli packages/core/src/output/stream-json-formatter.test.ts
 * and the event shapes of packages/core/src/output/types.ts (documented in docs/cli/headless.md).
 */
import { describe, expect, it } from 'vitest';
import { GeminiParser } from './gemini-parser.js';

const TS = '2025-10-10T12:00:00.000Z';
const line = (o: Record<string, unknown>) => JSON.stringify({ timestamp: TS, ...o });

describe('GeminiParser', () => {
  it('maps a documented session: init, tool use and result, streamed answer, result with stats', () => {
    const sut = new GeminiParser();
    const events = [
      line({ type: 'init', session_id: 'test-session-123', model: 'gemini-2.0-flash-exp' }),
      line({ type: 'message', role: 'user', content: 'What is 2+2?' }),
      line({ type: 'tool_use', tool_name: 'Read', tool_id: 'read-123', parameters: { file_path: '/path/to/file.txt' } }),
      line({ type: 'tool_result', tool_id: 'read-123', status: 'success', output: 'File contents here' }),
      line({ type: 'message', role: 'assistant', content: 'The answer', delta: true }),
      line({ type: 'message', role: 'assistant', content: ' is 4', delta: true }),
      line({
        type: 'result',
        status: 'success',
        stats: { total_tokens: 100, input_tokens: 50, output_tokens: 50, cached: 20, input: 30, duration_ms: 1200, tool_calls: 2 },
      }),
    ].flatMap((l) => sut.parseLine(l));

    expect(events).toEqual([
      { type: 'session.started', sessionId: 'test-session-123', model: 'gemini-2.0-flash-exp', tools: [], cwd: null },
      { type: 'tool.call', toolUseId: 'read-123', name: 'Read', input: { file_path: '/path/to/file.txt' } },
      { type: 'tool.result', toolUseId: 'read-123', isError: false, output: 'File contents here', truncated: false },
      { type: 'assistant.text', text: 'The answer is 4' },
      { type: 'usage', inputTokens: 30, outputTokens: 50, cacheReadTokens: 20, cacheWriteTokens: 0, costUsd: null, cumulative: true },
      {
        type: 'result',
        success: true,
        text: 'The answer is 4',
        turns: null,
        durationMs: 1200,
        costUsd: null,
        errorKind: null,
        sessionId: 'test-session-123',
      },
    ]);
  });

  it('maps tool errors and an error result (MaxSessionTurnsError)', () => {
    const sut = new GeminiParser();
    const events = [
      line({ type: 'tool_result', tool_id: 'read-123', status: 'error', error: { type: 'FILE_NOT_FOUND', message: 'File not found' } }),
      line({
        type: 'result',
        status: 'error',
        error: { type: 'MaxSessionTurnsError', message: 'Maximum session turns exceeded' },
        stats: { total_tokens: 100, input_tokens: 50, output_tokens: 50, cached: 0, input: 50, duration_ms: 1200, tool_calls: 0 },
      }),
    ].flatMap((l) => sut.parseLine(l));
    expect(events[0]).toEqual({ type: 'tool.result', toolUseId: 'read-123', isError: true, output: 'File not found', truncated: false });
    expect(events.at(-1)).toMatchObject({ type: 'result', success: false, text: 'Maximum session turns exceeded', errorKind: 'max_turns' });
  });

  it('keeps a non-delta assistant message whole and flushes pending deltas first', () => {
    const sut = new GeminiParser();
    expect(sut.parseLine(line({ type: 'message', role: 'assistant', content: 'part', delta: true }))).toEqual([]);
    expect(sut.parseLine(line({ type: 'message', role: 'assistant', content: 'Whole message.' }))).toEqual([
      { type: 'assistant.text', text: 'part' },
      { type: 'assistant.text', text: 'Whole message.' },
    ]);
  });

  it('hands out held-back text on flush (the CLI died mid-answer)', () => {
    const sut = new GeminiParser();
    sut.parseLine(line({ type: 'message', role: 'assistant', content: 'half an ans', delta: true }));
    expect(sut.flush()).toEqual([{ type: 'assistant.text', text: 'half an ans' }]);
    expect(sut.flush()).toEqual([]);
  });

  it('keeps error events, unknown and malformed lines raw (after pending text)', () => {
    const sut = new GeminiParser();
    sut.parseLine(line({ type: 'message', role: 'assistant', content: 'x', delta: true }));
    const warning = line({ type: 'error', severity: 'warning', message: 'Loop detected, stopping execution' });
    expect(sut.parseLine(warning)).toEqual([
      { type: 'assistant.text', text: 'x' },
      { type: 'raw', line: warning },
    ]);
    for (const l of ['Loaded cached credentials.', '{"type":"init"}', '{"type":"message","role":"system","content":"?"}', '{broken']) {
      expect(sut.parseLine(l)).toEqual([{ type: 'raw', line: l }]);
    }
  });

  it('reads stats of older CLIs without input/cached split', () => {
    const sut = new GeminiParser();
    const [usage] = sut.parseLine(line({ type: 'result', status: 'success', stats: { total_tokens: 9, input_tokens: 7, output_tokens: 2, duration_ms: 5, tool_calls: 0 } }));
    expect(usage).toMatchObject({ type: 'usage', inputTokens: 7, cacheReadTokens: 0, outputTokens: 2 });
  });
});
