import { count, num, obj, parseJsonObject, str } from '../common/json-line.js';
import { cutToolOutput } from '../common/tool-output.js';
import { classifyErrorMessage } from '../common/verdict.js';
export class CodexParser {
    threadId = null;
    lastMessage = null;
    turns = 0;
    /** Items whose tool.call was already emitted (from item.started). */
    called = new Set();
    parseLine(line) {
        const msg = parseJsonObject(line);
        if (!msg)
            return line.trim() === '' ? [] : [{ type: 'raw', line }];
        const mapped = this.map(msg);
        return mapped ?? [{ type: 'raw', line }];
    }
    /** null = not understood (kept raw). */
    map(msg) {
        switch (str(msg.type) ?? '') {
            case 'thread.started': {
                const id = str(msg.thread_id);
                if (!id)
                    return null;
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
    itemStarted(item) {
        if (!item)
            return null;
        const call = this.toolCall(item);
        return call ? [call] : [];
    }
    itemCompleted(item) {
        const id = item ? str(item.id) : null;
        if (!item || !id)
            return null;
        switch (str(item.type) ?? '') {
            case 'agent_message': {
                const text = str(item.text);
                if (text === null)
                    return null;
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
                    .filter((c) => c !== null)
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
    callAndResult(item, id, output, isError) {
        const events = [];
        if (!this.called.has(id)) {
            const call = this.toolCall(item);
            if (call)
                events.push(call);
        }
        this.called.delete(id);
        events.push({ type: 'tool.result', toolUseId: id, isError, ...cutToolOutput(output) });
        return events;
    }
    toolCall(item) {
        const id = str(item.id);
        if (!id || this.called.has(id))
            return null;
        let name;
        let input;
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
    turnCompleted(usage) {
        const events = [];
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
    result(success, text, errorKind) {
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
//# sourceMappingURL=codex-parser.js.map