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
import { TOOL_OUTPUT_LIMIT_BYTES } from '@dash/shared';
import { isJsonObject, num, obj, parseJsonObject, str } from '../common/json-line.js';
import { cutToolOutput } from '../common/tool-output.js';
import { classifyResultError, epochSecondsToIso } from './result-error.js';
import { apiUsage, UsageTotals } from './usage-totals.js';
const IGNORED_TYPES = new Set([
    'stream_event',
    'tool_progress',
    'tool_use_summary',
    'prompt_suggestion',
    'keep_alive',
    'control_response',
    'control_cancel_request',
    'auth_status',
    'streamlined_text',
    'streamlined_tool_use_summary',
]);
const IGNORED_BLOCKS = new Set(['thinking', 'redacted_thinking']);
/** Bounded memory for "usage already reported for this message id". */
const MAX_REMEMBERED_MESSAGES = 256;
export class ClaudeStreamJsonParser {
    toolOutputLimit;
    sessionId = null;
    usageReported = new Set();
    totals = new UsageTotals();
    apiError = { status: null, type: null, category: null };
    limit = null;
    constructor(toolOutputLimit = TOOL_OUTPUT_LIMIT_BYTES) {
        this.toolOutputLimit = toolOutputLimit;
    }
    parseLine(line) {
        if (line.trim() === '')
            return [];
        try {
            const msg = parseJsonObject(line);
            if (!msg)
                return [{ type: 'raw', line }];
            return this.parseMessage(msg, line);
        }
        catch {
            return [{ type: 'raw', line }];
        }
    }
    parseMessage(msg, line) {
        const type = str(msg.type) ?? '';
        switch (type) {
            case 'system':
                return this.system(msg, line);
            case 'assistant':
                return this.assistant(msg, line);
            case 'user':
                return this.user(msg);
            case 'result':
                return this.result(msg);
            case 'rate_limit_event':
                this.rateLimit(msg);
                return [];
            default:
                return IGNORED_TYPES.has(type) ? [] : [{ type: 'raw', line }];
        }
    }
    system(msg, line) {
        const subtype = str(msg.subtype);
        if (subtype === null)
            return [{ type: 'raw', line }];
        if (subtype !== 'init')
            return [];
        const sessionId = str(msg.session_id);
        if (sessionId === null || sessionId === this.sessionId)
            return [];
        this.sessionId = sessionId;
        const tools = Array.isArray(msg.tools) ? msg.tools.filter((t) => typeof t === 'string') : [];
        return [{ type: 'session.started', sessionId, model: str(msg.model), tools, cwd: str(msg.cwd) }];
    }
    assistant(msg, line) {
        const message = obj(msg.message);
        if (!message)
            return [{ type: 'raw', line }];
        if (msg.isApiErrorMessage === true || msg.is_api_error_message === true) {
            this.apiError = {
                status: num(msg.api_error_status),
                type: str(msg.api_error_type),
                category: str(msg.error),
            };
            return [];
        }
        const events = [];
        let unknownBlock = false;
        for (const block of Array.isArray(message.content) ? message.content : []) {
            if (!isJsonObject(block))
                continue;
            const blockType = str(block.type);
            if (blockType === 'text') {
                const text = str(block.text);
                if (text !== null && text !== '')
                    events.push({ type: 'assistant.text', text });
            }
            else if (blockType === 'tool_use') {
                events.push({ type: 'tool.call', toolUseId: str(block.id) ?? '', name: str(block.name) ?? '', input: block.input ?? null });
            }
            else if (blockType === null || !IGNORED_BLOCKS.has(blockType)) {
                unknownBlock = true;
            }
        }
        if (unknownBlock)
            events.push({ type: 'raw', line });
        const usage = this.assistantUsage(message);
        if (usage)
            events.push(usage);
        return events;
    }
    assistantUsage(message) {
        const usage = obj(message.usage);
        const id = str(message.id);
        if (!usage || id === null || this.usageReported.has(id))
            return null;
        if (this.usageReported.size >= MAX_REMEMBERED_MESSAGES)
            this.usageReported.clear();
        this.usageReported.add(id);
        const u = apiUsage(usage);
        if (u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens === 0)
            return null;
        return { type: 'usage', ...u, costUsd: null, cumulative: false };
    }
    user(msg) {
        const message = obj(msg.message);
        const content = message?.content;
        if (!Array.isArray(content))
            return [];
        const events = [];
        for (const block of content) {
            if (!isJsonObject(block) || block.type !== 'tool_result')
                continue;
            const cut = cutToolOutput(toolResultText(block.content), this.toolOutputLimit);
            events.push({
                type: 'tool.result',
                toolUseId: str(block.tool_use_id) ?? '',
                isError: block.is_error === true,
                ...cut,
            });
        }
        return events;
    }
    rateLimit(msg) {
        const info = obj(msg.rate_limit_info);
        if (!info)
            return;
        if (str(info.status) !== 'rejected')
            return;
        const resetsAt = num(info.resetsAt);
        this.limit = { resetsAt: resetsAt === null ? null : epochSecondsToIso(resetsAt), rateLimitType: str(info.rateLimitType) };
    }
    result(msg) {
        const subtype = str(msg.subtype);
        const success = subtype === 'success' && msg.is_error !== true;
        const errors = Array.isArray(msg.errors) ? msg.errors.filter((e) => typeof e === 'string') : [];
        const text = str(msg.result) ?? (errors.length > 0 ? errors.join('\n') : null);
        const sessionId = str(msg.session_id) ?? this.sessionId;
        const totals = this.totals.addResult(msg);
        const classified = success
            ? { errorKind: null, resetsAt: null }
            : classifyResultError({
                subtype,
                text,
                api: {
                    status: num(msg.api_error_status) ?? this.apiError.status,
                    type: str(msg.api_error_type) ?? this.apiError.type,
                    category: this.apiError.category,
                },
                limit: this.limit,
            });
        // A later turn in the same process starts clean.
        this.apiError = { status: null, type: null, category: null };
        this.limit = null;
        const turns = num(msg.num_turns);
        const durationMs = num(msg.duration_ms);
        return [
            { type: 'usage', ...totals, cumulative: true },
            {
                type: 'result',
                success,
                text,
                turns: turns !== null && turns >= 0 ? Math.floor(turns) : null,
                durationMs: durationMs !== null && durationMs >= 0 ? durationMs : null,
                costUsd: totals.costUsd,
                errorKind: classified.errorKind,
                resetsAt: classified.resetsAt,
                sessionId,
            },
        ];
    }
}
/** tool_result content: a string, or blocks (text blocks kept, others named). */
function toolResultText(content) {
    if (typeof content === 'string')
        return content;
    if (!Array.isArray(content))
        return content === undefined || content === null ? '' : JSON.stringify(content);
    return content
        .map((block) => {
        if (!isJsonObject(block))
            return typeof block === 'string' ? block : '';
        if (block.type === 'text')
            return str(block.text) ?? '';
        return `[${str(block.type) ?? 'block'}]`;
    })
        .join('\n');
}
//# sourceMappingURL=stream-json-parser.js.map