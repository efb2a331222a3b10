/**
 * What a task's run produced, for the step output and the prompts of the steps after it: the
 * run's final text (cut to WORKFLOW_OUTPUT_TEXT_MAX) and the files its tool calls wrote or edited.
 *
 * Files come from the normalized tool events; a call counts only when its result was not an
 * error. Recognized: Claude Code `Write` (written) and `Edit` / `MultiEdit` / `NotebookEdit`
 * (edited); Codex `apply_patch` changes (`add` written, others edited); Gemini `write_file`
 * (written) and `replace` (edited). The last action on a path wins (written then edited = edited).
 */
import { WORKFLOW_OUTPUT_FILES_MAX, WORKFLOW_OUTPUT_TEXT_MAX, } from '@dash/shared';
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const TOOL_ACTIONS = {
    Write: 'written',
    Edit: 'edited',
    MultiEdit: 'edited',
    NotebookEdit: 'edited',
    write_file: 'written',
    replace: 'edited',
};
function changesOf(name, input) {
    if (!isRecord(input))
        return [];
    if (name === 'apply_patch' && Array.isArray(input.changes)) {
        return input.changes.flatMap((c) => isRecord(c) && typeof c.path === 'string' && c.path !== '' ? [{ path: c.path, action: c.kind === 'add' ? 'written' : 'edited' }] : []);
    }
    const action = TOOL_ACTIONS[name];
    if (action === undefined)
        return [];
    const path = [input.file_path, input.notebook_path, input.path].find((p) => typeof p === 'string' && p !== '');
    return path === undefined ? [] : [{ path, action }];
}
/** Collects file changes from a run's events, fed page by page. */
export class FileChangeCollector {
    pending = new Map();
    files = new Map();
    add(event) {
        if (event.type === 'tool.call') {
            const changes = changesOf(event.name, event.input);
            if (changes.length > 0)
                this.pending.set(event.toolUseId, changes);
        }
        else if (event.type === 'tool.result') {
            const changes = this.pending.get(event.toolUseId);
            this.pending.delete(event.toolUseId);
            if (!changes || event.isError)
                return;
            for (const change of changes) {
                this.files.delete(change.path);
                this.files.set(change.path, change.action);
            }
        }
    }
    result() {
        return [...this.files].slice(0, WORKFLOW_OUTPUT_FILES_MAX).map(([path, action]) => ({ path, action }));
    }
}
export function taskOutputOf(input) {
    const text = input.resultText;
    const truncated = text !== null && text.length > WORKFLOW_OUTPUT_TEXT_MAX;
    return {
        taskId: input.taskId,
        role: input.role,
        employeeId: input.employeeId,
        runId: input.runId,
        resultText: text === null ? null : truncated ? text.slice(0, WORKFLOW_OUTPUT_TEXT_MAX) : text,
        resultTruncated: truncated,
        files: input.files,
    };
}
//# sourceMappingURL=task-output.js.map