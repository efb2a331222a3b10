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
export declare class CodexParser implements OutputParser {
    private threadId;
    private lastMessage;
    private turns;
    /** Items whose tool.call was already emitted (from item.started). */
    private readonly called;
    parseLine(line: string): AgentEvent[];
    /** null = not understood (kept raw). */
    private map;
    private itemStarted;
    private itemCompleted;
    private callAndResult;
    private toolCall;
    private turnCompleted;
    private result;
}
