/**
 * WorkflowTemplateSource over a directory of `*.json` files. Like the registry source, it watches
 * the directory (editors and `mv` replace files by rename) and collapses bursts of events into one
 * change after `debounceMs` of quiet.
 */
import { watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WorkflowTemplateFileText, WorkflowTemplateSource, WorkflowTemplateWatch } from '../../ports/workflow-template-source.js';

const isMissing = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

export class FileWorkflowTemplateSource implements WorkflowTemplateSource {
  readonly location: string;
  private readonly debounceMs: number;

  constructor(options: { dir: string; debounceMs?: number }) {
    this.location = path.resolve(options.dir);
    this.debounceMs = options.debounceMs ?? 150;
  }

  async readAll(): Promise<WorkflowTemplateFileText[] | null> {
    let names: string[];
    try {
      names = (await readdir(this.location, { withFileTypes: true }))
        .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort();
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    const files: WorkflowTemplateFileText[] = [];
    for (const name of names) {
      try {
        files.push({ name, text: await readFile(path.join(this.location, name), 'utf8') });
      } catch (err) {
        // Removed between the listing and the read: it is simply gone.
        if (!isMissing(err)) throw err;
      }
    }
    return files;
  }

  watch(onChange: () => void, onError: (err: unknown) => void): WorkflowTemplateWatch {
    let closed = false;
    let timer: NodeJS.Timeout | null = null;
    const schedule = (): void => {
      if (closed) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        if (!closed) onChange();
      }, this.debounceMs);
    };
    const watcher = watch(this.location, { persistent: false }, (_event, filename) => {
      if (filename === null || filename.endsWith('.json')) schedule();
    });
    const handle: WorkflowTemplateWatch = {
      close: () => {
        if (closed) return;
        closed = true;
        if (timer !== null) clearTimeout(timer);
        watcher.close();
      },
    };
    watcher.on('error', (err) => {
      if (closed) return;
      handle.close();
      onError(err);
    });
    return handle;
  }
}
