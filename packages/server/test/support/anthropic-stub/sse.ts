/**
 * A scripted turn as the Messages API streams it: message_start, one content block after the other
 * (start, deltas, stop), message_delta with stop_reason and usage, message_stop. Tool input is
 * streamed as input_json_delta chunks, the way the real API does, so the CLI's JSON assembly runs.
 */
import type { StubTurn, StubUsage } from './script.js';

type Block =
  | { kind: 'thinking'; thinking: string }
  | { kind: 'text'; text: string }
  | { kind: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

const frame = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

const chunks = (s: string, size: number): string[] => {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += size) out.push(s.slice(i, i + size));
  return out.length > 0 ? out : [''];
};

const DEFAULT_USAGE: StubUsage = { inputTokens: 120, outputTokens: 30 };

function blocksOf(turn: Exclude<StubTurn, { type: 'error' }>, toolUseId: string): Block[] {
  if (turn.type === 'text') {
    const blocks: Block[] = [];
    if (turn.thinking !== undefined) blocks.push({ kind: 'thinking', thinking: turn.thinking });
    blocks.push({ kind: 'text', text: turn.text });
    return blocks;
  }
  const blocks: Block[] = [];
  if (turn.text !== undefined) blocks.push({ kind: 'text', text: turn.text });
  blocks.push({ kind: 'tool_use', id: turn.id ?? toolUseId, name: turn.name, input: turn.input });
  return blocks;
}

/** The whole SSE body for one successful turn. */
export function streamTurn(turn: Exclude<StubTurn, { type: 'error' }>, model: string, messageId: string, toolUseId: string): string {
  const usage = turn.usage ?? DEFAULT_USAGE;
  const parts: string[] = [];
  parts.push(
    frame('message_start', {
      type: 'message_start',
      message: {
        id: messageId,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: usage.inputTokens,
          output_tokens: 1,
          cache_read_input_tokens: usage.cacheReadTokens ?? 0,
          cache_creation_input_tokens: usage.cacheWriteTokens ?? 0,
        },
      },
    }),
  );
  blocksOf(turn, toolUseId).forEach((block, index) => {
    if (block.kind === 'thinking') {
      parts.push(frame('content_block_start', { type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } }));
      for (const c of chunks(block.thinking, 40)) {
        parts.push(frame('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: c } }));
      }
      parts.push(frame('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: 'stub-signature' } }));
    } else if (block.kind === 'text') {
      parts.push(frame('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } }));
      for (const c of chunks(block.text, 40)) {
        parts.push(frame('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: c } }));
      }
    } else {
      parts.push(
        frame('content_block_start', {
          type: 'content_block_start',
          index,
          content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
        }),
      );
      for (const c of chunks(JSON.stringify(block.input), 25)) {
        parts.push(frame('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: c } }));
      }
    }
    parts.push(frame('content_block_stop', { type: 'content_block_stop', index }));
  });
  parts.push(
    frame('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: turn.type === 'tool_use' ? 'tool_use' : 'end_turn', stop_sequence: null },
      usage: { output_tokens: usage.outputTokens },
    }),
  );
  parts.push(frame('message_stop', { type: 'message_stop' }));
  return parts.join('');
}

/** The same turn as a non-streaming JSON body (for callers that send `stream: false`). */
export function jsonTurn(turn: Exclude<StubTurn, { type: 'error' }>, model: string, messageId: string, toolUseId: string): unknown {
  const usage = turn.usage ?? DEFAULT_USAGE;
  const content = blocksOf(turn, toolUseId).map((b) => {
    if (b.kind === 'thinking') return { type: 'thinking', thinking: b.thinking, signature: 'stub-signature' };
    if (b.kind === 'text') return { type: 'text', text: b.text };
    return { type: 'tool_use', id: b.id, name: b.name, input: b.input };
  });
  return {
    id: messageId,
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: turn.type === 'tool_use' ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: usage.inputTokens,
      output_tokens: usage.outputTokens,
      cache_read_input_tokens: usage.cacheReadTokens ?? 0,
      cache_creation_input_tokens: usage.cacheWriteTokens ?? 0,
    },
  };
}
