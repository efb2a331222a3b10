/**
 * Which files a run changed, from its normalized tool-use events. A tool call counts when it is a
 * file-writing tool and its result was not an error (a call without a result yet counts: the
 * agent was cut off after asking, and the file may be written). Per runtime:
 *  - Claude Code: Write, Edit, MultiEdit (`file_path`), NotebookEdit (`notebook_path`);
 *  - Codex: `apply_patch` (its file_change items) with `changes: [{path, kind}]`;
 *  - Gemini CLI: write_file, replace (`file_path`, older versions `path`).
 * Paths are kept as the agent wrote them (absolute or relative to the run's directory), first
 * occurrence first, without duplicates.
 */
import type { AgentEvent } from '@dash/shared';

const PATH_KEYS = ['file_path', 'notebook_path', 'path'] as const;
const FILE_TOOLS = new Set(['write', 'edit', 'multiedit', 'notebookedit', 'write_file', 'replace', 'edit_file']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The paths one tool call writes (empty when it is not a file-writing tool). */
export function pathsOfToolCall(name: string, input: unknown): string[] {
  if (!isRecord(input)) return [];
  const tool = name.toLowerCase();
  if (tool === 'apply_patch') {
    const changes = Array.isArray(input.changes) ? input.changes : [];
    return changes.flatMap((c) => (isRecord(c) && nonEmpty(c.path) ? [c.path] : []));
  }
  if (!FILE_TOOLS.has(tool)) return [];
  for (const key of PATH_KEYS) {
    const value = input[key];
    if (nonEmpty(value)) return [value];
  }
  return [];
}

/** Collects changed files over a run's events, in any number of pages (feed them in order). */
export class FilesChanged {
  readonly #pending = new Map<string, string[]>();
  readonly #failed = new Set<string>();
  readonly #order: string[] = [];

  add(event: AgentEvent): void {
    if (event.type === 'tool.call') {
      const paths = pathsOfToolCall(event.name, event.input);
      if (paths.length > 0) {
        this.#pending.set(event.toolUseId, paths);
        this.#order.push(event.toolUseId);
      }
    } else if (event.type === 'tool.result' && event.isError) {
      this.#failed.add(event.toolUseId);
    }
  }

  /** Distinct paths of the calls that did not fail, in first-call order. */
  paths(): string[] {
    const seen = new Set<string>();
    for (const id of this.#order) {
      if (this.#failed.has(id)) continue;
      for (const path of this.#pending.get(id) ?? []) seen.add(path);
    }
    return [...seen];
  }
}
