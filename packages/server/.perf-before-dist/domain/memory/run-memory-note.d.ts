/**
 * The memory written after a task's run (services/dispatch/run-memory.ts): what was asked, what
 * was done, which files changed and how it ended, typed by one fixed rule (docs/memory.md,
 * "Memories written after runs"):
 *
 *  1. the run failed            → experience, importance 7 (a failure is the lesson most worth
 *                                  recalling before the next attempt);
 *     the run timed out         → experience, importance 6;
 *  2. it succeeded and its result states a decision ("decided", "chose", "opted for", "went with",
 *     "trade-off", "rationale", …) → decision, importance 8;
 *  3. it succeeded without changing files, or the task or result is about knowing rather than
 *     doing ("document", "research", "investigate", "explain", "how to", "convention", "best
 *     practice", …) → knowledge, importance 6;
 *  4. any other success         → experience, importance 5 (routine work, recalled after lessons).
 *
 * Runs that were cancelled or lost write nothing: they say nothing about the work.
 * Pure: excerpts are collapsed to one line each (so a memory never injects lines into a prompt).
 */
import { type Run, type StoredMemoryType, type Task } from '@dash/shared';
export declare const TASK_EXCERPT_CHARS = 300;
export declare const RESULT_EXCERPT_CHARS = 1000;
export declare const FILES_LISTED = 20;
export type RunOutcome = 'succeeded' | 'failed' | 'timed_out';
export interface RunMemoryInput {
    task: Pick<Task, 'id' | 'title' | 'description' | 'labels' | 'requiredSkills'>;
    run: Pick<Run, 'id' | 'status' | 'runtime' | 'exitCode' | 'exitSignal' | 'errorCode' | 'errorMessage' | 'resultText' | 'startedAt' | 'endedAt'>;
    filesChanged: readonly string[];
}
export interface RunMemoryNote {
    type: StoredMemoryType;
    importance: number;
    /** Which rule chose the type (kept in the memory's context). */
    rule: 'failure' | 'timeout' | 'decision' | 'knowledge' | 'work';
    content: string;
    context: Record<string, unknown>;
    tags: string[];
}
/** The outcomes that write a memory; null for cancelled, lost and unfinished runs. */
export declare function runOutcome(status: Run['status']): RunOutcome | null;
export declare function classifyRunMemory(outcome: RunOutcome, texts: {
    title: string;
    result: string | null;
}, filesChanged: readonly string[]): Pick<RunMemoryNote, 'type' | 'importance' | 'rule'>;
/** One line, at most `max` characters (an ellipsis marks a cut). */
export declare function excerpt(text: string, max: number): string;
export declare function runMemoryNote(input: RunMemoryInput): RunMemoryNote | null;
/** `task-run`, the outcome, then the task's labels and required skills (valid tags only). */
export declare function runMemoryTags(outcome: RunOutcome, task: Pick<Task, 'labels' | 'requiredSkills'>): string[];
