import { readFileSync } from 'node:fs';
import { agentEvent, TOOL_OUTPUT_LIMIT_BYTES, type AgentEvent, type AgentEventOf } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { ClaudeStreamJsonParser } from './stream-json-parser.js';

/** Fixtures are stdout lines recorded from Claude Code 2.1.332 talking to the test API stub. */
const fixture = (name: string): string[] =>
  readFileSync(new URL(`./fixtures/${name}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l !== '');

/** session_id and cwd of the recording's first system/init line (they change with every recording). */
const initOf = (lines: string[]): { sessionId: string; cwd: string } => {
  const init = JSON.parse(lines[0] ?? '{}') as { session_id?: string; cwd?: string };
  return { sessionId: init.session_id ?? 'missing', cwd: init.cwd ?? 'missing' };
};

const parseAll = (lines: string[], parser = new ClaudeStreamJsonParser()): AgentEvent[] => lines.flatMap((l) => parser.parseLine(l));

const ofType = <T extends AgentEvent['type']>(events: AgentEvent[], type: T): AgentEventOf<T>[] =>
  events.filter((e): e is AgentEventOf<T> => e.type === type);

const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};

describe('ClaudeStreamJsonParser on recorded sessions', () => {
  it('maps a Write tool session with a follow-up turn', () => {
    const lines = fixture('write-and-follow-up');
    const { sessionId, cwd } = initOf(lines);
    const events = parseAll(lines);
    for (const e of events) expect(agentEvent.safeParse(e).success).toBe(true);
    expect(ofType(events, 'raw')).toEqual([]);

    // init is printed per turn; reported once.
    const started = only(ofType(events, 'session.started'));
    expect(started).toMatchObject({ sessionId, model: 'claude-opus-5-5', cwd });
    expect(started.tools).toContain('Write');

    expect(ofType(events, 'assistant.text').map((e) => e.text)).toEqual(['I will create the file.', 'Done writing.', 'Follow-up answer.']);
    const call = only(ofType(events, 'tool.call'));
    expect(call).toEqual({
      type: 'tool.call',
      toolUseId: 'toolu_stub_1',
      name: 'Write',
      input: { file_path: `${cwd}/hello.txt`, content: 'hello from stub\n' },
    });
    const result = only(ofType(events, 'tool.result'));
    expect(result).toMatchObject({ toolUseId: 'toolu_stub_1', isError: false, truncated: false });
    expect(result.output).toContain('File created successfully');

    // thinking blocks are skipped
    expect(JSON.stringify(events)).not.toContain('The file is written');

    // one provisional usage per assistant message id (the CLI repeats it on every block line)
    const deltas = ofType(events, 'usage').filter((u) => !u.cumulative);
    expect(deltas).toHaveLength(3);
    expect(deltas[0]).toMatchObject({ inputTokens: 120, outputTokens: 1, costUsd: null });

    const results = ofType(events, 'result');
    expect(results.map((r) => [r.success, r.text, r.turns, r.errorKind])).toEqual([
      [true, 'Done writing.', 2, null],
      [true, 'Follow-up answer.', 1, null],
    ]);
    expect(results[1]?.sessionId).toBe(sessionId);

    // cumulative usage: totals of this process, growing per result
    const totals = ofType(events, 'usage').filter((u) => u.cumulative);
    expect(totals.map((t) => [t.inputTokens, t.outputTokens])).toEqual([
      [240, 60],
      [360, 90],
    ]);
    expect(totals[0]?.costUsd).toBeCloseTo(0.00216, 10);
    expect(totals[1]?.costUsd).toBeCloseTo(0.00324, 10);
    expect(results[1]?.costUsd).toBeCloseTo(0.00324, 10);
    // usage comes right before its result
    const i = events.findIndex((e) => e.type === 'result');
    expect(events[i - 1]).toMatchObject({ type: 'usage', cumulative: true });
  });

  it('counts only this run in a resumed session (total_cost_usd covers the whole session)', () => {
    const events = parseAll(fixture('resumed'));
    const total = only(ofType(events, 'usage').filter((u) => u.cumulative));
    expect(total).toMatchObject({ inputTokens: 120, outputTokens: 30 });
    expect(total.costUsd).toBeCloseTo(0.00108, 10);
    expect(only(ofType(events, 'session.started')).sessionId).toBe(initOf(fixture('write-and-follow-up')).sessionId);
    expect(only(ofType(events, 'result'))).toMatchObject({ success: true, text: 'Just text' });
  });

  it('reports an API 429 as a rate_limit failure without echoing the synthetic error message', () => {
    const events = parseAll(fixture('rate-limited'));
    expect(ofType(events, 'raw')).toEqual([]);
    expect(ofType(events, 'assistant.text')).toEqual([]);
    const result = only(ofType(events, 'result'));
    expect(result).toMatchObject({ success: false, errorKind: 'rate_limit', resetsAt: null, costUsd: 0 });
    expect(result.text).toContain('(429)');
  });

  it('classifies 529 overloaded, 401 and max turns', () => {
    expect(only(ofType(parseAll(fixture('overloaded')), 'result'))).toMatchObject({ success: false, errorKind: 'error' });
    expect(only(ofType(parseAll(fixture('auth-failed')), 'result'))).toMatchObject({ success: false, errorKind: 'auth', text: 'Invalid API key · Fix external API key' });
    expect(only(ofType(parseAll(fixture('max-turns')), 'result'))).toMatchObject({
      success: false,
      errorKind: 'max_turns',
      text: 'Reached maximum number of turns (1)',
      turns: 2,
    });
  });

  it('reports a denied tool as an error tool result and skips the permission_denied notice', () => {
    const events = parseAll(fixture('permission-denied'));
    expect(ofType(events, 'raw')).toEqual([]);
    const result = only(ofType(events, 'tool.result'));
    expect(result.isError).toBe(true);
    expect(result.output).toContain("haven't granted it yet");
    expect(only(ofType(events, 'result')).success).toBe(true);
  });

  it('takes the text of an error result from `errors` and the session from the result', () => {
    const events = parseAll(fixture('resume-unknown-session'));
    expect(ofType(events, 'session.started')).toEqual([]);
    expect(only(ofType(events, 'result'))).toMatchObject({
      success: false,
      errorKind: 'error',
      text: 'No conversation found with session ID: 6b8e2b7c-0000-4000-8000-000000000000',
      sessionId: '6b8e2b7c-0000-4000-8000-000000000000',
      turns: 0,
    });
  });
});

const line = (value: unknown): string => JSON.stringify(value);
const resultLine = (over: Record<string, unknown> = {}): string =>
  line({ type: 'result', subtype: 'success', is_error: false, result: 'ok', num_turns: 1, duration_ms: 10, session_id: 's1', total_cost_usd: 0.5, usage: { input_tokens: 1, output_tokens: 2 }, ...over });

describe('ClaudeStreamJsonParser edge cases', () => {
  it('never throws and keeps unparseable or unknown lines as raw', () => {
    const parser = new ClaudeStreamJsonParser();
    for (const l of ['not json', '[1,2]', '42', '{"type":"brand_new_thing"}', '{"no_type":true}', '{"type":"system"}', '{"type":"control_request","request":{"subtype":"can_use_tool"}}']) {
      expect(parser.parseLine(l)).toEqual([{ type: 'raw', line: l }]);
    }
    expect(parser.parseLine('')).toEqual([]);
    expect(parser.parseLine('{"type":"assistant","message":"nope"}')).toEqual([{ type: 'raw', line: '{"type":"assistant","message":"nope"}' }]);
    expect(parser.parseLine('{"type":"assistant","message":{"content":"str","usage":5}}')).toEqual([]);
    expect(parser.parseLine('{"type":"user","message":{"content":[null,1,{"type":"tool_result"}]}}')).toEqual([
      { type: 'tool.result', toolUseId: '', isError: false, output: '', truncated: false },
    ]);
    const weird = parser.parseLine('{"type":"result","subtype":5,"num_turns":-1,"duration_ms":"x","model_usage_since_last_result":{"m":null}}');
    expect(weird.map((e) => agentEvent.safeParse(e).success)).toEqual([true, true]);
  });

  it('skips known noise types and system subtypes other than init', () => {
    const parser = new ClaudeStreamJsonParser();
    for (const l of [
      line({ type: 'stream_event', event: { type: 'content_block_delta' } }),
      line({ type: 'tool_progress', tool_use_id: 't' }),
      line({ type: 'system', subtype: 'api_retry', attempt: 1 }),
      line({ type: 'system', subtype: 'compact_boundary' }),
      line({ type: 'rate_limit_event', rate_limit_info: { status: 'allowed' } }),
      line({ type: 'user', message: { role: 'user', content: [{ type: 'text', text: 'our own prompt' }] } }),
    ]) {
      expect(parser.parseLine(l)).toEqual([]);
    }
  });

  it('reports session.started again only for a new session id', () => {
    const parser = new ClaudeStreamJsonParser();
    const init = (id: string) => line({ type: 'system', subtype: 'init', session_id: id, model: 'm', tools: ['Read', 7], cwd: '/w' });
    expect(parser.parseLine(init('a'))).toEqual([{ type: 'session.started', sessionId: 'a', model: 'm', tools: ['Read'], cwd: '/w' }]);
    expect(parser.parseLine(init('a'))).toEqual([]);
    expect(parser.parseLine(init('b'))).toHaveLength(1);
  });

  it('keeps an unknown content block visible as one raw event', () => {
    const l = line({
      type: 'assistant',
      message: { id: 'm1', content: [{ type: 'server_tool_use', id: 'x' }, { type: 'text', text: 'hi' }], usage: { input_tokens: 3, output_tokens: 1 } },
    });
    expect(new ClaudeStreamJsonParser().parseLine(l)).toEqual([
      { type: 'assistant.text', text: 'hi' },
      { type: 'raw', line: l },
      { type: 'usage', inputTokens: 3, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: null, cumulative: false },
    ]);
  });

  it('joins block content of a tool result and cuts it at the limit', () => {
    const big = 'é'.repeat(TOOL_OUTPUT_LIMIT_BYTES); // 2 bytes each
    const [event] = new ClaudeStreamJsonParser().parseLine(
      line({
        type: 'user',
        message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', is_error: true, content: [{ type: 'text', text: 'head' }, { type: 'image' }, { type: 'text', text: big }] }] },
      }),
    );
    expect(event).toMatchObject({ type: 'tool.result', toolUseId: 't1', isError: true, truncated: true });
    const r = event as AgentEventOf<'tool.result'>;
    expect(r.output.startsWith('head\n[image]\né')).toBe(true);
    expect(Buffer.byteLength(r.output)).toBeLessThanOrEqual(TOOL_OUTPUT_LIMIT_BYTES);
    expect(r.originalBytes).toBe(Buffer.byteLength(`head\n[image]\n${big}`));
  });

  it('turns a rejected subscription limit into usage_limit with resetsAt', () => {
    const parser = new ClaudeStreamJsonParser();
    parser.parseLine(line({ type: 'rate_limit_event', rate_limit_info: { status: 'rejected', resetsAt: 1767225600, rateLimitType: 'five_hour' } }));
    const events = parser.parseLine(resultLine({ is_error: true, result: "You've hit your limit", api_error_status: 429 }));
    expect(events[1]).toMatchObject({ type: 'result', success: false, errorKind: 'usage_limit', resetsAt: '2026-01-01T00:00:00.000Z' });
    // the next turn starts clean
    expect(parser.parseLine(resultLine({ is_error: true, result: 'API Error: 500', api_error_status: 500 }))[1]).toMatchObject({ errorKind: 'error', resetsAt: null });
  });

  it('reads the reset time of the older "usage limit reached|epoch" text', () => {
    const events = new ClaudeStreamJsonParser().parseLine(resultLine({ is_error: true, result: 'Claude AI usage limit reached|1767225600' }));
    expect(events[1]).toMatchObject({ errorKind: 'usage_limit', resetsAt: '2026-01-01T00:00:00.000Z' });
  });

  it('uses the synthetic error message fields when the result lacks them', () => {
    const parser = new ClaudeStreamJsonParser();
    expect(
      parser.parseLine(line({ type: 'assistant', message: { id: 'e', model: '<synthetic>', content: [{ type: 'text', text: 'API Error' }] }, error: 'rate_limit', is_api_error_message: true })),
    ).toEqual([]);
    expect(parser.parseLine(resultLine({ is_error: true, result: 'API Error' }))[1]).toMatchObject({ errorKind: 'rate_limit' });
  });

  it('marks budget and falls back to usage and total_cost_usd without model_usage_since_last_result', () => {
    const parser = new ClaudeStreamJsonParser();
    const first = parser.parseLine(resultLine({ subtype: 'error_max_budget_usd', is_error: true, result: undefined }));
    expect(first[0]).toEqual({ type: 'usage', inputTokens: 1, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.5, cumulative: true });
    expect(first[1]).toMatchObject({ success: false, errorKind: 'budget', text: null, costUsd: 0.5 });
    const second = parser.parseLine(resultLine({ total_cost_usd: 0.75 }));
    expect(second[0]).toMatchObject({ inputTokens: 2, outputTokens: 4, costUsd: 0.75 });
  });
});
