/**
 * WorkflowTemplateSource over a directory of `*.json` files. Like the registry source, it watches
 * the directory (editors and `mv` replace files by rename) and collapses bursts of events into one
 * change after `debounceMs` of quiet.
 */
import { watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
const isMissing = (err) => {
    const code = err?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
};
export class FileWorkflowTemplateSource {
    location;
    debounceMs;
    constructor(options) {
        this.location = path.resolve(options.dir);
        this.debounceMs = options.debounceMs ?? 150;
    }
    async readAll() {
        let names;
        try {
            names = (await readdir(this.location, { withFileTypes: true }))
                .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.'))
                .map((e) => e.name)
                .sort();
        }
        catch (err) {
            if (isMissing(err))
                return null;
            throw err;
        }
        const files = [];
        for (const name of names) {
            try {
                files.push({ name, text: await readFile(path.join(this.location, name), 'utf8') });
            }
            catch (err) {
                // Removed between the listing and the read: it is simply gone.
                if (!isMissing(err))
                    throw err;
            }
        }
        return files;
    }
    watch(onChange, onError) {
        let closed = false;
        let timer = null;
        const schedule = () => {
            if (closed)
                return;
            if (timer !== null)
                clearTimeout(timer);
            timer = setTimeout(() => {
                timer = null;
                if (!closed)
                    onChange();
            }, this.debounceMs);
        };
        const watcher = watch(this.location, { persistent: false }, (_event, filename) => {
            if (filename === null || filename.endsWith('.json'))
                schedule();
        });
        const handle = {
            close: () => {
                if (closed)
                    return;
                closed = true;
                if (timer !== null)
                    clearTimeout(timer);
                watcher.close();
            },
        };
        watcher.on('error', (err) => {
            if (closed)
                return;
            handle.close();
            onError(err);
        });
        return handle;
    }
}
//# sourceMappingURL=file-template-source.js.map