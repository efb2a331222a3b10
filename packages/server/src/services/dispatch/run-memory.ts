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
import { errorCodes, MEMORY_TASK_MAX_CHARS } from '@dash/shared';
import { AppError, isAppError } from '../../domain/app-error.js';
import { FilesChanged } from '../../domain/memory/files-changed.js';
import { runMemoryNote, runOutcome } from '../../domain/memory/run-memory-note.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { MemoryApi } from '../../ports/memory-api.js';
import type { MemoryRunMetrics } from '../../ports/memory-run-metrics.js';
import type { TaskMemoryRepository } from '../../ports/task-memory-repository.js';

export const MEMORY_CITE_INSTRUCTION =
  'These are notes from your earlier tasks and may be out of date. Where one informed your work, you may cite it by its id, e.g. [mem_…].';

const EVENT_PAGE = 1_000;

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

export type RecallNote =
  | { used: number; tokens: number; ids: string[] }
  | { error: string; message: string }
  | { skipped: string };

export class RunMemory {
  readonly #deps: RunMemoryDeps;
  readonly #options: Required<RunMemoryOptions>;
  #coolUntil = 0;
  #coolReason = '';

  constructor(deps: RunMemoryDeps, options: RunMemoryOptions) {
    this.#deps = deps;
    this.#options = { writeTimeoutMs: 30_000, cooldownMs: 30_000, topK: 10, ...options };
  }

  /** The prompt section for `task` as `employeeId`; never throws, never waits past the timeout. */
  async recall(task: Pick<Task, 'id' | 'title' | 'description'>, employeeId: string): Promise<Recall> {
    const { promptBudget, recallTimeoutMs, topK } = this.#options;
    if (promptBudget === 0) return { section: null, memories: [], note: null };
    const started = this.#deps.clock.now();
    const seconds = (): number => (this.#deps.clock.now() - started) / 1000;
    if (started < this.#coolUntil) {
      this.#deps.metrics.recall('skipped', 0);
      return { section: null, memories: [], note: { skipped: this.#coolReason } };
    }
    try {
      const result = await withTimeout(
        this.#deps.memory.context({
          employeeId,
          taskDescription: `${task.title}\n\n${task.description}`.slice(0, MEMORY_TASK_MAX_CHARS).trim(),
          tokenBudget: promptBudget,
          options: { topK },
        }),
        recallTimeoutMs,
      );
      const { memories, prompt, tokensUsed } = result.context;
      this.#deps.metrics.recall(memories.length > 0 ? 'used' : 'none', seconds());
      if (memories.length === 0 || prompt.trim() === '') return { section: null, memories: [], note: { used: 0, tokens: 0, ids: [] } };
      return {
        section: `${prompt}\n${MEMORY_CITE_INSTRUCTION}`,
        memories,
        note: { used: memories.length, tokens: tokensUsed, ids: memories.map((m) => m.id) },
      };
    } catch (err) {
      const code = isAppError(err) ? err.code : 'MEMORY_UNAVAILABLE';
      this.#deps.metrics.recall('failed', seconds());
      if (!isAppError(err) || errorCodes[err.code].retryable) {
        this.#coolUntil = this.#deps.clock.now() + this.#options.cooldownMs;
        this.#coolReason = code;
      }
      this.#deps.logger.warn({ err, taskId: task.id, employeeId, code }, 'fetching memories for a run failed; the run starts without them');
      return { section: null, memories: [], note: { error: code, message: err instanceof Error ? err.message : String(err) } };
    }
  }

  /** Records which memories went into the run's prompt; failures are logged. */
  async recordUses(taskId: string, run: Pick<Run, 'id' | 'createdAt'>, employeeId: string, recall: Recall): Promise<void> {
    if (recall.memories.length === 0) return;
    try {
      await this.#deps.links.recordUses(
        recall.memories.map((m, i) => ({
          taskId,
          runId: run.id,
          memoryId: m.id,
          employeeId,
          ownerId: m.employeeId,
          memoryType: m.type,
          relevance: m.relevance,
          rank: i + 1,
          tokens: m.tokens,
          truncated: m.truncated,
          usedAt: run.createdAt,
        })),
      );
    } catch (err) {
      this.#deps.logger.warn({ err, taskId, runId: run.id }, 'recording the memories a run used failed');
    }
  }

  /** Writes the run's memory (once per run); never throws. */
  async remember(task: Task, run: Run): Promise<void> {
    const employeeId = run.employeeId ?? task.assignedTo;
    if (!this.#options.writeAfterRuns || runOutcome(run.status) === null || employeeId === null) {
      this.#deps.metrics.write('skipped');
      return;
    }
    try {
      const filesChanged = await this.#filesChanged(run.id);
      const note = runMemoryNote({ task, run, filesChanged });
      if (note === null) return;
      const claimed = await this.#deps.links.claimWrite({ runId: run.id, taskId: task.id, employeeId, filesChanged, at: this.#deps.clock.isoNow() });
      if (!claimed) {
        this.#deps.metrics.write('duplicate');
        return;
      }
      try {
        const stored = await withTimeout(
          this.#deps.memory.store({
            type: note.type,
            employeeId,
            content: note.content,
            context: note.context,
            metadata: { importance: note.importance, tags: note.tags, scope: 'private', source: { runId: run.id, taskId: task.id } },
          }),
          this.#options.writeTimeoutMs,
        );
        await this.#deps.links.finishWrite(run.id, { status: 'written', memoryId: stored.memoryId, memoryType: note.type, importance: note.importance }, this.#deps.clock.isoNow());
        this.#deps.metrics.write('written');
        this.#deps.logger.info({ taskId: task.id, runId: run.id, memoryId: stored.memoryId, type: note.type, rule: note.rule }, 'run memory written');
      } catch (err) {
        const code = isAppError(err) ? err.code : 'MEMORY_UNAVAILABLE';
        this.#deps.metrics.write('failed');
        this.#deps.logger.warn({ err, taskId: task.id, runId: run.id, code }, 'writing the memory of a run failed');
        await this.#deps.links.finishWrite(run.id, { status: 'failed', errorCode: code }, this.#deps.clock.isoNow());
      }
    } catch (err) {
      this.#deps.metrics.write('failed');
      this.#deps.logger.warn({ err, taskId: task.id, runId: run.id }, 'recording the memory of a run failed');
    }
  }

  forTask(taskId: string): Promise<TaskMemories> {
    return this.#deps.links.forTask(taskId);
  }

  /** Paths from the run's tool-use events; an unreadable log gives what was read so far. */
  async #filesChanged(runId: string): Promise<string[]> {
    const files = new FilesChanged();
    let after = 0;
    try {
      for (;;) {
        const page = await this.#deps.readEvents(runId, after, EVENT_PAGE);
        for (const e of page) files.add(e.event);
        if (page.length < EVENT_PAGE) break;
        after = page[page.length - 1]?.seq ?? after;
      }
    } catch (err) {
      this.#deps.logger.warn({ err, runId }, 'reading a run\'s events for its changed files failed');
    }
    return files.paths();
  }
}

/** Rejects with MEMORY_UNAVAILABLE after `ms` (the work itself cannot be cancelled and is left to finish). */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('MEMORY_UNAVAILABLE', { message: `The memory service did not answer within ${ms} ms` })), ms);
    timer.unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
