/**
 * Gemini CLI `--output-format stream-json` → normalized events. Shapes from google-gemini/gemini-cli
 * packages/core/src/output/types.ts and docs/cli/headless.md:
 *
 * - init {session_id, model}                         → session.started
 * - message {role, content, delta?}                  → assistant text; `delta: true` chunks are
 *   joined and emitted as one assistant.text when something else arrives (or at flush), so a
 *   token stream does not become thousands of events. User messages echo our own prompt: dropped
 *   (the supervisor records user.message itself).
 * - tool_use {tool_name, tool_id, parameters}        → tool.call
 * - tool_result {tool_id, status, output?, error?}   → tool.result
 * - result {status, error?, stats?}                  → usage (session totals) + result
 * - error {severity, message}, unknown, malformed    → raw
 */
import type { AgentEvent } from '@dash/shared';
import type { OutputParser } from '../agent-runner.js';
export declare class GeminiParser implements OutputParser {
    private sessionId;
    private pending;
    private lastText;
    parseLine(line: string): AgentEvent[];
    flush(): AgentEvent[];
    private message;
    private map;
    private result;
}
