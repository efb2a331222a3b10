/**
 * RegistrySource over a directory: `<dir>/employee-registry.json` and `<dir>/prompts/**.md`.
 *
 * Watching uses fs.watch on the directory (not the file): editors and `mv` replace files by
 * rename, which a watch on the file itself would lose. Bursts of events (write + rename + chmod)
 * are collapsed into one change after `debounceMs` of quiet. Events are hints only; the reader
 * re-reads and validates, so a missed or spurious event is harmless.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RegistryChange, RegistrySource, RegistryWatch } from '../../ports/registry-source.js';

export const REGISTRY_FILE_NAME = 'employee-registry.json';
export const PROMPTS_DIR_NAME = 'prompts';

export interface FileRegistrySourceOptions {
  /** The directory holding the registry file and the prompts directory. */
  dir: string;
  /** @default 'employee-registry.json' */
  fileName?: string;
  /** @default 'prompts' */
  promptsDirName?: string;
  /** Quiet time before a change is reported. @default 150 */
  debounceMs?: number;
}

const isMissing = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
};

export class FileRegistrySource implements RegistrySource {
  readonly location: string;
  private readonly dir: string;
  private readonly fileName: string;
  private readonly promptsDirName: string;
  private readonly promptsRoot: string;
  private readonly debounceMs: number;

  constructor(options: FileRegistrySourceOptions) {
    this.dir = path.resolve(options.dir);
    this.fileName = options.fileName ?? REGISTRY_FILE_NAME;
    this.promptsDirName = options.promptsDirName ?? PROMPTS_DIR_NAME;
    this.location = path.join(this.dir, this.fileName);
    this.promptsRoot = path.join(this.dir, this.promptsDirName);
    this.debounceMs = options.debounceMs ?? 150;
  }

  async readRegistry(): Promise<string | null> {
    try {
      return await readFile(this.location, 'utf8');
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async readPrompt(relativePath: string): Promise<string | null> {
    const full = path.resolve(this.promptsRoot, relativePath);
    const rel = path.relative(this.promptsRoot, full);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    try {
      return await readFile(full, 'utf8');
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  watch(onChange: (change: RegistryChange) => void, onError: (err: unknown) => void): RegistryWatch {
    let closed = false;
    let timer: NodeJS.Timeout | null = null;
    let pending: { registry: boolean; prompts: Set<string> } = { registry: false, prompts: new Set() };
    let promptsWatcher: FSWatcher | null = null;

    const flush = (): void => {
      timer = null;
      if (closed) return;
      const change: RegistryChange = { registry: pending.registry, prompts: [...pending.prompts].sort() };
      pending = { registry: false, prompts: new Set() };
      onChange(change);
    };
    const schedule = (): void => {
      if (closed) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, this.debounceMs);
    };
    const fail = (err: unknown): void => {
      if (closed) return;
      handle.close();
      onError(err);
    };

    // The prompts directory may appear, vanish or be replaced; (re)attach whenever the parent says so.
    const attachPrompts = (): void => {
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
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
    };

    const dirWatcher = watch(this.dir, { persistent: false }, (_event, filename) => {
      if (filename === null || filename === this.fileName) {
        pending.registry = true;
        schedule();
      } else if (filename === this.promptsDirName) {
        attachPrompts();
        pending.registry = true;
        schedule();
      }
    });
    dirWatcher.on('error', fail);
    attachPrompts();

    const handle: RegistryWatch = {
      close: () => {
        if (closed) return;
        closed = true;
        if (timer !== null) clearTimeout(timer);
        dirWatcher.close();
        promptsWatcher?.close();
        promptsWatcher = null;
      },
    };
    return handle;
  }
}
