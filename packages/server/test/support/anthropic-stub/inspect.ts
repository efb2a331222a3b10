/** Reading recorded Messages API requests in assertions: system prompt, messages, tool results. */
import type { RecordedRequest } from './anthropic-stub.js';

interface Block {
  type?: unknown;
  text?: unknown;
  content?: unknown;
  tool_use_id?: unknown;
  is_error?: unknown;
}

const blocksOf = (content: unknown): Block[] =>
  typeof content === 'string' ? [{ type: 'text', text: content }] : Array.isArray(content) ? (content as Block[]) : [];

/** The `system` field as one string (it is a string or a list of text blocks). */
export function systemPromptOf(req: RecordedRequest): string {
  return blocksOf(req.body?.system)
    .map((b) => (typeof b.text === 'string' ? b.text : ''))
    .join('\n');
}

export interface RecordedMessage {
  role: string;
  blocks: Block[];
}

export function messagesOf(req: RecordedRequest): RecordedMessage[] {
  const messages = req.body?.messages;
  if (!Array.isArray(messages)) return [];
  return messages.map((m: { role?: unknown; content?: unknown }) => ({
    role: typeof m.role === 'string' ? m.role : '',
    blocks: blocksOf(m.content),
  }));
}

/** Every text block of every message, joined: "did the model see X?" */
export function conversationText(req: RecordedRequest): string {
  return messagesOf(req)
    .flatMap((m) => m.blocks)
    .map((b) => (typeof b.text === 'string' ? b.text : ''))
    .join('\n');
}

export interface RecordedToolResult {
  toolUseId: string;
  isError: boolean;
  text: string;
}

export function toolResultsOf(req: RecordedRequest): RecordedToolResult[] {
  return messagesOf(req)
    .flatMap((m) => m.blocks)
    .filter((b) => b.type === 'tool_result')
    .map((b) => ({
      toolUseId: typeof b.tool_use_id === 'string' ? b.tool_use_id : '',
      isError: b.is_error === true,
      text: blocksOf(b.content)
        .map((c) => (typeof c.text === 'string' ? c.text : ''))
        .join('\n'),
    }));
}
