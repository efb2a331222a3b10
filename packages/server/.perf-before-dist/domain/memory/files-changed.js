const PATH_KEYS = ['file_path', 'notebook_path', 'path'];
const FILE_TOOLS = new Set(['write', 'edit', 'multiedit', 'notebookedit', 'write_file', 'replace', 'edit_file']);
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmpty = (value) => typeof value === 'string' && value.trim() !== '';
/** The paths one tool call writes (empty when it is not a file-writing tool). */
export function pathsOfToolCall(name, input) {
    if (!isRecord(input))
        return [];
    const tool = name.toLowerCase();
    if (tool === 'apply_patch') {
        const changes = Array.isArray(input.changes) ? input.changes : [];
        return changes.flatMap((c) => (isRecord(c) && nonEmpty(c.path) ? [c.path] : []));
    }
    if (!FILE_TOOLS.has(tool))
        return [];
    for (const key of PATH_KEYS) {
        const value = input[key];
        if (nonEmpty(value))
            return [value];
    }
    return [];
}
/** Collects changed files over a run's events, in any number of pages (feed them in order). */
export class FilesChanged {
    #pending = new Map();
    #failed = new Set();
    #order = [];
    add(event) {
        if (event.type === 'tool.call') {
            const paths = pathsOfToolCall(event.name, event.input);
            if (paths.length > 0) {
                this.#pending.set(event.toolUseId, paths);
                this.#order.push(event.toolUseId);
            }
        }
        else if (event.type === 'tool.result' && event.isError) {
            this.#failed.add(event.toolUseId);
        }
    }
    /** Distinct paths of the calls that did not fail, in first-call order. */
    paths() {
        const seen = new Set();
        for (const id of this.#order) {
            if (this.#failed.has(id))
                continue;
            for (const path of this.#pending.get(id) ?? [])
                seen.add(path);
        }
        return [...seen];
    }
}
//# sourceMappingURL=files-changed.js.map