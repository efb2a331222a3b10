import { count, num, obj, parseJsonObject, str } from '../common/json-line.js';
import { cutToolOutput } from '../common/tool-output.js';
import { classifyErrorMessage } from '../common/verdict.js';
/** Joined deltas are emitted early once they reach this size. */
const MAX_PENDING_TEXT = 64 * 1024;
export class GeminiParser {
    sessionId = null;
    pending = '';
    lastText = null;
    parseLine(line) {
        const msg = parseJsonObject(line);
        if (!msg)
            return line.trim() === '' ? [] : [...this.flush(), { type: 'raw', line }];
        if (str(msg.type) === 'message')
            return this.message(msg) ?? [...this.flush(), { type: 'raw', line }];
        const flushed = this.flush(); // first: the result reads the final answer from lastText
        const mapped = this.map(msg);
        return [...flushed, ...(mapped ?? [{ type: 'raw', line }])];
    }
    flush() {
        if (this.pending === '')
            return [];
        const text = this.pending;
        this.pending = '';
        this.lastText = text;
        return [{ type: 'assistant.text', text }];
    }
    message(msg) {
        const content = str(msg.content);
        const role = str(msg.role);
        if (content === null || (role !== 'assistant' && role !== 'user'))
            return null;
        if (role === 'user')
            return this.flush();
        if (msg.delta === true) {
            this.pending += content;
            return this.pending.length >= MAX_PENDING_TEXT ? this.flush() : [];
        }
        const events = this.flush();
        this.lastText = content;
        events.push({ type: 'assistant.text', text: content });
        return events;
    }
    map(msg) {
        switch (str(msg.type) ?? '') {
            case 'init': {
                const id = str(msg.session_id);
                if (!id)
                    return null;
                this.sessionId = id;
                return [{ type: 'session.started', sessionId: id, model: str(msg.model), tools: [], cwd: null }];
            }
            case 'tool_use': {
                const id = str(msg.tool_id);
                const name = str(msg.tool_name);
                if (!id || !name)
                    return null;
                return [{ type: 'tool.call', toolUseId: id, name, input: msg.parameters ?? {} }];
            }
            case 'tool_result': {
                const id = str(msg.tool_id);
                if (!id)
                    return null;
                const isError = str(msg.status) === 'error';
                const output = str(msg.output) ?? str(obj(msg.error)?.message) ?? '';
                return [{ type: 'tool.result', toolUseId: id, isError, ...cutToolOutput(output) }];
            }
            case 'result':
                return this.result(msg);
            default:
                return null;
        }
    }
    result(msg) {
        const events = [];
        const stats = obj(msg.stats);
        if (stats) {
            // `input` and `cached` split input_tokens; older CLIs only had input_tokens.
            const cached = count(stats.cached);
            const input = stats.input !== undefined ? count(stats.input) : Math.max(0, count(stats.input_tokens) - cached);
            events.push({
                type: 'usage',
                inputTokens: input,
                outputTokens: count(stats.output_tokens),
                cacheReadTokens: cached,
                cacheWriteTokens: 0,
                costUsd: null,
                cumulative: true,
            });
        }
        const success = str(msg.status) === 'success';
        const error = obj(msg.error);
        const errorText = str(error?.message);
        events.push({
            type: 'result',
            success,
            text: success ? this.lastText : (errorText ?? this.lastText),
            turns: null,
            durationMs: stats ? num(stats.duration_ms) : null,
            costUsd: null,
            errorKind: success ? null : errorKindOf(str(error?.type), errorText),
            sessionId: this.sessionId,
        });
        return events;
    }
}
function errorKindOf(type, message) {
    if (type && /MaxSessionTurns|TurnLimit/i.test(type))
        return 'max_turns';
    if (type && /Auth/i.test(type))
        return 'auth';
    return classifyErrorMessage(message ?? type);
}
//# sourceMappingURL=gemini-parser.js.map