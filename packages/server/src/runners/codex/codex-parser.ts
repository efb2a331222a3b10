/**
 * `codex exec --json` JSONL → normalized events. Event and item shapes from openai/codex
 * docs/exec.md ("JSON output mode") and codex-rs/exec/src/exec_events.rs:
 *
 * - thread.started {thread_id}            → session.started (the thread id resumes the session)
 * - item.started / item.completed {item}  → tool.call / tool.result for command_execution,
 *   file_change, mcp_tool_call, web_search; agent_message → assistant.text. Reasoning summaries,
 *   plans and todo lists are not part of the normalized vocabulary and are dropped.
 * - turn.completed {usage}                → usage (per turn; input excludes cached input) + result
 * - turn.failed {error}                   → result (failure, classified)
 * - error {message}, unknown types, malformed lines → raw
 *
 * Codex's input_tokens include cached_input_tokens; ours do not (like Claude's), so cached
 * tokens are subtracted and reported as cacheReadTokens. Codex reports no cost.
 */
import type { AgentEvent } from '@dash/shared';
import type { OutputParser } from '../agent-runner.js';
import { count, num, obj, parseJsonObject, str, type JsonObject } from '../common/json-line.js';
import { cutToolOutput } from '../common/tool-output.js';
import { classifyErrorMessage } from '../common/verdict.js';

export class CodexParser implements OutputParser {
  private threadId: string | null = null;
  private lastMessage: string | null = null;
  private turns = 0;
  /** Items whose tool.call was already emitted (from item.started). */
  private readonly called = new Set<string>();

  parseLine(line: string): AgentEvent[] {
    const msg = parseJsonObject(line);
    if (!msg) return line.trim() === '' ? [] : [{ type: 'raw', line }];
    const mapped = this.map(msg);
    return mapped ?? [{ type: 'raw', line }];
  }

  /** null = not understood (kept raw). */
  private map(msg: JsonObject): AgentEvent[] | null {
    switch (str(msg.type) ?? '') {
      case 'thread.started': {
        const id = str(msg.thread_id);
        if (!id) return null;
        this.threadId = id;
        return [{ type: 'session.started', sessionId: id, model: null, tools: [], cwd: null }];
      }
      case 'turn.started':
        this.turns += 1;
        return [];
      case 'item.started':
      case 'item.updated':
        return this.itemStarted(obj(msg.item));
      case 'item.completed':
        return this.itemCompleted(obj(msg.item));
      case 'item.plan.delta':
        return [];
      case 'turn.completed':
        return this.turnCompleted(obj(msg.usage));
      case 'turn.failed': {
        const message = str(obj(msg.error)?.message) ?? 'The turn failed';
        return [this.result(false, message, classifyErrorMessage(message))];
      }
      default:
        return null;
    }
  }

  private itemStarted(item: JsonObject | null): AgentEvent[] | null {
    if (!item) return null;
    const call = this.toolCall(item);
    return call ? [call] : [];
  }

  private itemCompleted(item: JsonObject | null): AgentEvent[] | null {
    const id = item ? str(item.id) : null;
    if (!item || !id) return null;
    switch (str(item.type) ?? '') {
      case 'agent_message': {
        const text = str(item.text);
        if (text === null) return null;
        this.lastMessage = text;
        return [{ type: 'assistant.text', text }];
      }
      case 'reasoning':
      case 'plan':
      case 'todo_list':
        return [];
      case 'command_execution': {
        const status = str(item.status);
        const exitCode = num(item.exit_code);
        const isError = status === 'failed' || status === 'declined' || (exitCode !== null && exitCode !== 0);
        return this.callAndResult(item, id, str(item.aggregated_output) ?? '', isError);
      }
      case 'file_change': {
        const changes = Array.isArray(item.changes) ? item.changes : [];
        const summary = changes
          .map((c) => obj(c))
          .filter((c): c is JsonObject => c !== null)
          .map((c) => `${str(c.kind) ?? 'change'} ${str(c.path) ?? '?'}`)
          .join('\n');
        return this.callAndResult(item, id, summary, str(item.status) === 'failed');
      }
      case 'mcp_tool_call': {
        const error = str(obj(item.error)?.message);
        const result = obj(item.result);
        const output = error ?? (result ? JSON.stringify(result.structured_content ?? result.content ?? null) : '');
        return this.callAndResult(item, id, output, error !== null || str(item.status) === 'failed');
      }
      case 'web_search':
        return this.callAndResult(item, id, '', false);
      default:
        return null; // error items and future types: kept raw
    }
  }

  private callAndResult(item: JsonObject, id: string, output: string, isError: boolean): AgentEvent[] {
    const events: AgentEvent[] = [];
    if (!this.called.has(id)) {
      const call = this.toolCall(item);
      if (call) events.push(call);
    }
    this.called.delete(id);
    events.push({ type: 'tool.result', toolUseId: id, isError, ...cutToolOutput(output) });
    return events;
  }

  private toolCall(item: JsonObject): AgentEvent | null {
    const id = str(item.id);
    if (!id || this.called.has(id)) return null;
    let name: string;
    let input: unknown;
    switch (str(item.type) ?? '') {
      case 'command_execution':
        name = 'shell';
        input = { command: str(item.command) ?? '' };
        break;
      case 'file_change':
        name = 'apply_patch';
        input = { changes: item.changes ?? [] };
        break;
      case 'mcp_tool_call':
        name = `mcp__${str(item.server) ?? 'unknown'}__${str(item.tool) ?? 'unknown'}`;
        input = item.arguments ?? null;
        break;
      case 'web_search':
        name = 'web_search';
        input = { query: str(item.query) ?? '' };
        break;
      default:
        return null;
    }
    this.called.add(id);
    return { type: 'tool.call', toolUseId: id, name, input };
  }

  private turnCompleted(usage: JsonObject | null): AgentEvent[] {
    const events: AgentEvent[] = [];
    if (usage) {
      const input = count(usage.input_tokens);
      const cached = Math.min(count(usage.cached_input_tokens), input);
      events.push({
        type: 'usage',
        inputTokens: input - cached,
        outputTokens: count(usage.output_tokens),
        cacheReadTokens: cached,
        cacheWriteTokens: 0,
        costUsd: null,
        cumulative: false,
      });
    }
    events.push(this.result(true, this.lastMessage, null));
    return events;
  }

  private result(
    success: boolean,
    text: string | null,
    errorKind: ReturnType<typeof classifyErrorMessage> | null,
  ): AgentEvent {
    return {
      type: 'result',
      success,
      text,
      turns: this.turns || null,
      durationMs: null,
      costUsd: null,
      errorKind,
      sessionId: this.threadId,
    };
  }
}
