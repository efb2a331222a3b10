/**
 * Claude Code `--output-format stream-json --verbose` lines to normalized events. One parser per
 * process. Never throws: a line that is not a JSON object, or of a type we do not know, becomes
 * `raw`; types we know and deliberately ignore are skipped.
 *
 * Mapping (lines as Claude Code 2.1.332 prints them; recorded samples in fixtures/):
 * - system/init → session.started. The CLI prints an init line at the start of EVERY turn (also
 *   for a follow-up in the same process, same session_id); only the first, or one with a new
 *   session_id, is reported.
 * - other system subtypes (api_retry, permission_denied, status, compact_boundary, hook_*,
 *   task_*, notification, informational, …) → skipped: metadata with no normalized counterpart.
 *   The tool_result that follows a permission_denied carries the denial as an error result.
 * - assistant → per content block: text → assistant.text; tool_use → tool.call; thinking and
 *   redacted_thinking → skipped (the model's scratchpad is not part of the transcript, and with
 *   adaptive thinking it is a summary anyway); other block types → one raw for the line. Usage →
 *   `usage` (non-cumulative) once per message id (see usage-totals.ts). A synthetic API-error
 *   message (`isApiErrorMessage`/`is_api_error_message`, model `<synthetic>`) emits nothing: its
 *   text is repeated by the result, its error fields feed the result's errorKind.
 * - user → tool_result blocks → tool.result (content is a string or a list of blocks; cut at
 *   TOOL_OUTPUT_LIMIT_BYTES). Text blocks (our own prompt when replayed) → skipped.
 * - result → usage (cumulative: totals of this process) then result.
 * - rate_limit_event → remembered (a rejected limit makes the result a usage_limit with resetsAt).
 * - stream_event, tool_progress, tool_use_summary, prompt_suggestion, keep_alive,
 *   control_response, auth_status → skipped. control_request is NOT skipped: it would mean the CLI
 *   waits for an answer we cannot give, so it shows up as raw.
 */
import { type AgentEvent } from '@dash/shared';
import type { OutputParser } from '../agent-runner.js';
export declare class ClaudeStreamJsonParser implements OutputParser {
    private readonly toolOutputLimit;
    private sessionId;
    private readonly usageReported;
    private readonly totals;
    private apiError;
    private limit;
    constructor(toolOutputLimit?: number);
    parseLine(line: string): AgentEvent[];
    private parseMessage;
    private system;
    private assistant;
    private assistantUsage;
    private user;
    private rateLimit;
    private result;
}
