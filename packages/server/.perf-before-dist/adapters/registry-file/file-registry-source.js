/**
 * RegistrySource over a directory: `<dir>/employee-registry.json` and `<dir>/prompts/**.md`.
 *
 * Watching uses fs.watch on the directory (not the file): editors and `mv` replace files by
 * rename, which a watch on the file itself would lose. Bursts of events (write + rename + chmod)
 * are collapsed into one change after `debounceMs` of quiet. Events are hints only; the reader
 * re-reads and validates, so a missed or spurious event is harmless.
 */
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
export const REGISTRY_FILE_NAME = 'employee-registry.json';
export const PROMPTS_DIR_NAME = 'prompts';
const isMissing = (err) => {
    const code = err?.code;
    return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
};
export class FileRegistrySource {
    location;
    dir;
    fileName;
    promptsDirName;
    promptsRoot;
    debounceMs;
    constructor(options) {
        this.dir = path.resolve(options.dir);
        this.fileName = options.fileName ?? REGISTRY_FILE_NAME;
        this.promptsDirName = options.promptsDirName ?? PROMPTS_DIR_NAME;
        this.location = path.join(this.dir, this.fileName);
        this.promptsRoot = path.join(this.dir, this.promptsDirName);
        this.debounceMs = options.debounceMs ?? 150;
    }
    async readRegistry() {
        try {
            return await readFile(this.location, 'utf8');
        }
        catch (err) {
            if (isMissing(err))
                return null;
            throw err;
        }
    }
    async readPrompt(relativePath) {
        const full = path.resolve(this.promptsRoot, relativePath);
        const rel = path.relative(this.promptsRoot, full);
        if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
            return null;
        try {
            return await readFile(full, 'utf8');
        }
        catch (err) {
            if (isMissing(err))
                return null;
            throw err;
        }
    }
    watch(onChange, onError) {
        let closed = false;
        let timer = null;
        let pending = { registry: false, prompts: new Set() };
        let promptsWatcher = null;
        const flush = () => {
            timer = null;
            if (closed)
                return;
            const change = { registry: pending.registry, prompts: [...pending.prompts].sort() };
            pending = { registry: false, prompts: new Set() };
            onChange(change);
        };
        const schedule = () => {
            if (closed)
                return;
            if (timer !== null)
                clearTimeout(timer);
            timer = setTimeout(flush, this.debounceMs);
        };
        const fail = (err) => {
            if (closed)
                return;
            handle.close();
            onError(err);
        };
        // The prompts directory may appear, vanish or be replaced; (re)attach whenever the parent says so.
        const attachPrompts = () => {
            promptsWatcher?.close();
            promptsWatcher = null;
            try {
                promptsWatcher = watch(this.promptsRoot, { persistent: false, recursive: true }, (_event, filename) => {
                    pending.prompts.add(filename === null ? '' : filename.split(path.sep).join('/'));
                    schedule();
                });
                promptsWatcher.on('error', () => {
                    // The directory went away; the parent watcher sees that and re-attaches if it returns.
                    promptsWatcher?.close();
                    promptsWatcher = null;
                });
            }
            catch (err) {
                if (!isMissing(err))
                    throw err;
            }
        };
        const dirWatcher = watch(this.dir, { persistent: false }, (_event, filename) => {
            if (filename === null || filename === this.fileName) {
                pending.registry = true;
                schedule();
            }
            else if (filename === this.promptsDirName) {
                attachPrompts();
                pending.registry = true;
                schedule();
            }
        });
        dirWatcher.on('error', fail);
        attachPrompts();
        const handle = {
            close: () => {
                if (closed)
                    return;
                closed = true;
                if (timer !== null)
                    clearTimeout(timer);
                dirWatcher.close();
                promptsWatcher?.close();
                promptsWatcher = null;
            },
        };
        return handle;
    }
}
//# sourceMappingURL=file-registry-source.js.map