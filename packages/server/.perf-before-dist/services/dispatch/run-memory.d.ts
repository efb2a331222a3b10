/**
 * Employee memory in task runs (docs/memory.md, "Memory in task runs"):
 *
 *  - recall, before a run starts: the employee's most relevant memories for the task, from the
 *    memory service's context operation within the prompt token budget, as a prompt section that
 *    cites each memory by id. Bounded by a timeout; a failure (or a timeout) is logged, counted and
 *    noted on the task timeline, and the run starts without memories. After a failure the service
 *    is not asked again for `cooldownMs`, so an outage costs dispatch one timeout, not one per task;
 *  - recordUses, once the run started: which memories went into its prompt, with relevance;
 *  - remember, after the run settled: one memory from its result (domain/memory/run-memory-note.ts
 *    has the typing rule), with the files changed from its tool-use events. Claimed per run first,
 *    so a run settled twice writes once. Runs in the background: settlement never waits for it.
 *
 * Nothing here throws: memory is an aid to a run, never a reason for one not to start or settle.
 * Memory content never goes to the logs.
 */
import type { ContextMemory, Run, RunEvent, Task, TaskMemories } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { MemoryApi } from '../../ports/memory-api.js';
import type { MemoryRunMetrics } from '../../ports/memory-run-metrics.js';
import type { TaskMemoryRepository } from '../../ports/task-memory-repository.js';
export declare const MEMORY_CITE_INSTRUCTION = "These are notes from your earlier tasks and may be out of date. Where one informed your work, you may cite it by its id, e.g. [mem_\u2026].";
export interface RunMemoryDeps {
    memory: MemoryApi;
    links: TaskMemoryRepository;
    /** A run's events with seq > afterSeq, in order (the run event log: memory, then store). */
    readEvents: (runId: string, afterSeq: number, limit: number) => Promise<RunEvent[]>;
    clock: Clock;
    logger: Logger;
    metrics: MemoryRunMetrics;
}
export interface RunMemoryOptions {
    /** MEMORY_PROMPT_BUDGET: tokens the memories may take in a prompt; 0 = no memories in prompts. */
    promptBudget: number;
    /** MEMORY_PROMPT_TIMEOUT: longest wait for the memories of one prompt. */
    recallTimeoutMs: number;
    /** MEMORY_WRITE_AFTER_RUNS: write a memory after each finished run. */
    writeAfterRuns: boolean;
    /** Longest wait for one write (in the background). @default 30 s */
    writeTimeoutMs?: number;
    /** After a failed recall, runs start without asking for this long. @default 30 s */
    cooldownMs?: number;
    /** Candidates the memory service considers before the budget cut. @default 10 */
    topK?: number;
}
/** What went into a run's prompt, and the note for the timeline (null when memory is off). */
export interface Recall {
    section: string | null;
    memories: ContextMemory[];
    note: RecallNote | null;
}
export type RecallNote = {
    used: number;
    tokens: number;
    ids: string[];
} | {
    error: string;
    message: string;
} | {
    skipped: string;
};
export declare class RunMemory {
    #private;
    constructor(deps: RunMemoryDeps, options: RunMemoryOptions);
    /** The prompt section for `task` as `employeeId`; never throws, never waits past the timeout. */
    recall(task: Pick<Task, 'id' | 'title' | 'description'>, employeeId: string): Promise<Recall>;
    /** Records which memories went into the run's prompt; failures are logged. */
    recordUses(taskId: string, run: Pick<Run, 'id' | 'createdAt'>, employeeId: string, recall: Recall): Promise<void>;
    /** Writes the run's memory (once per run); never throws. */
    remember(task: Task, run: Run): Promise<void>;
    forTask(taskId: string): Promise<TaskMemories>;
}
