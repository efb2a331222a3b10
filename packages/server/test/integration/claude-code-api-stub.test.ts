/**
 * The Anthropic API stub's own contract, for the paths the CLI does not take with non-essential
 * traffic disabled: auxiliary requests, count_tokens, unknown routes, non-streaming and gzip bodies.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnthropicStub } from '../support/anthropic-stub/anthropic-stub.js';
import { systemPromptOf, toolResultsOf } from '../support/anthropic-stub/inspect.js';
import { overloadedTurn, rateLimitedTurn, textTurn, toolUseTurn } from '../support/anthropic-stub/script.js';

const tools = [{ name: 'Write', input_schema: { type: 'object' } }];

describe('AnthropicStub', () => {
  let stub: AnthropicStub;

  beforeEach(async () => {
    stub = await AnthropicStub.start();
  });

  afterEach(async () => {
    await stub.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${stub.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  /** The data payloads of an SSE body, in order. */
  const sseData = (text: string): { type: string; [k: string]: unknown }[] =>
    text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as { type: string });

  it('streams a tool_use turn with input_json_delta chunks that join to the input', async () => {
    const input = { file_path: '/tmp/x/hello.txt', content: 'a fairly long content string to force several chunks' };
    stub.setScript({ turns: [toolUseTurn('Write', input, { id: 'toolu_1', text: 'Writing.' })] });
    const res = await post('/v1/messages?beta=true', { model: 'm', stream: true, tools, system: [{ type: 'text', text: 'ROLE' }], messages: [] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = sseData(await res.text());
    expect(events[0]?.type).toBe('message_start');
    expect(events.at(-1)?.type).toBe('message_stop');
    const json = events
      .filter((e) => e.type === 'content_block_delta' && (e.delta as { type: string }).type === 'input_json_delta')
      .map((e) => (e.delta as { partial_json: string }).partial_json);
    expect(json.length).toBeGreaterThan(1);
    expect(JSON.parse(json.join(''))).toEqual(input);
    expect(events.find((e) => e.type === 'message_delta')).toMatchObject({ delta: { stop_reason: 'tool_use' } });
    expect(systemPromptOf(stub.requests[0]!)).toBe('ROLE');
  });

  it('answers requests without tools as auxiliary, without consuming the script', async () => {
    stub.setScript({ turns: [textTurn('scripted')] });
    const aux = await post('/v1/messages', { model: 'claude-haiku', stream: false, messages: [] });
    expect(await aux.json()).toMatchObject({ content: [{ type: 'text', text: 'Stub auxiliary reply' }] });
    expect(stub.turnsServed).toBe(0);

    const main = await post('/v1/messages', { model: 'm', stream: false, tools, messages: [] });
    expect(await main.json()).toMatchObject({ content: [{ type: 'text', text: 'scripted' }], stop_reason: 'end_turn' });
    expect(stub.requests.map((r) => r.kind)).toEqual(['auxiliary', 'main']);
  });

  it('serves error turns with their status and headers, then whenExhausted', async () => {
    const resetAt = new Date('2030-01-01T00:00:00Z');
    stub.setScript({ turns: [rateLimitedTurn({ retryAfterSeconds: 7, resetAt }), overloadedTurn()], whenExhausted: textTurn('after') });
    const limited = await post('/v1/messages', { model: 'm', tools, messages: [] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('anthropic-ratelimit-requests-reset')).toBe(resetAt.toISOString());
    expect(await limited.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect((await post('/v1/messages', { model: 'm', tools, messages: [] })).status).toBe(529);
    const after = await post('/v1/messages', { model: 'm', tools, messages: [] });
    expect(await after.json()).toMatchObject({ content: [{ text: 'after' }] });
    expect(stub.mainRequests().map((r) => r.status)).toEqual([429, 529, 200]);
  });

  it('answers count_tokens, HEAD and unknown routes minimally, and records them', async () => {
    const counted = await post('/v1/messages/count_tokens', { messages: [{ role: 'user', content: 'hello' }] });
    expect(await counted.json()).toEqual({ input_tokens: expect.any(Number) as number });
    expect((await fetch(`${stub.url}/`, { method: 'HEAD' })).status).toBe(200);
    const unknown = await fetch(`${stub.url}/api/oauth/profile`);
    expect(unknown.status).toBe(404);
    expect(stub.requests.map((r) => [r.kind, r.method])).toEqual([
      ['count_tokens', 'POST'],
      ['other', 'HEAD'],
      ['other', 'GET'],
    ]);
  });

  it('reads gzip request bodies and exposes tool results', async () => {
    const body = {
      model: 'm',
      tools,
      messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_9', content: [{ type: 'text', text: 'File created' }] }] }],
    };
    const res = await fetch(`${stub.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(body)),
    });
    expect(res.status).toBe(200);
    expect(toolResultsOf(stub.requests[0]!)).toEqual([{ toolUseId: 'toolu_9', isError: false, text: 'File created' }]);
  });
});
