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
/** The paths one tool call writes (empty when it is not a file-writing tool). */
export declare function pathsOfToolCall(name: string, input: unknown): string[];
/** Collects changed files over a run's events, in any number of pages (feed them in order). */
export declare class FilesChanged {
    #private;
    add(event: AgentEvent): void;
    /** Distinct paths of the calls that did not fail, in first-call order. */
    paths(): string[];
}
