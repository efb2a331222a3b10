/**
 * Output of a shell agent: each line is assistant text, except that a line holding a JSON object
 * is taken as a structured AgentEvent when it validates against the shared schema (so scripted
 * agents can report tool calls, usage or their own result). A JSON-looking line that is not a
 * valid event, or that claims a supervisor-only type, is kept verbatim as `raw`. Blank lines are
 * dropped.
 */
import { agentEvent } from '@dash/shared';
/** Event types only the supervisor and the event log may produce. */
const RESERVED = new Set(['exit', 'supervisor', 'log.truncated', 'log.summary']);
export function parseShellLine(line) {
    const trimmed = line.trim();
    if (trimmed === '')
        return [];
    if (!trimmed.startsWith('{'))
        return [{ type: 'assistant.text', text: line }];
    let value;
    try {
        value = JSON.parse(trimmed);
    }
    catch {
        return [{ type: 'raw', line }];
    }
    const parsed = agentEvent.safeParse(value);
    if (!parsed.success || RESERVED.has(parsed.data.type))
        return [{ type: 'raw', line }];
    return [parsed.data];
}
export function createShellParser() {
    return { parseLine: parseShellLine };
}
//# sourceMappingURL=shell-parser.js.map