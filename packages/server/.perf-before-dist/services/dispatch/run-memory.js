import { errorCodes, MEMORY_TASK_MAX_CHARS } from '@dash/shared';
import { AppError, isAppError } from '../../domain/app-error.js';
import { FilesChanged } from '../../domain/memory/files-changed.js';
import { runMemoryNote, runOutcome } from '../../domain/memory/run-memory-note.js';
export const MEMORY_CITE_INSTRUCTION = 'These are notes from your earlier tasks and may be out of date. Where one informed your work, you may cite it by its id, e.g. [mem_…].';
const EVENT_PAGE = 1_000;
export class RunMemory {
    #deps;
    #options;
    #coolUntil = 0;
    #coolReason = '';
    constructor(deps, options) {
        this.#deps = deps;
        this.#options = { writeTimeoutMs: 30_000, cooldownMs: 30_000, topK: 10, ...options };
    }
    /** The prompt section for `task` as `employeeId`; never throws, never waits past the timeout. */
    async recall(task, employeeId) {
        const { promptBudget, recallTimeoutMs, topK } = this.#options;
        if (promptBudget === 0)
            return { section: null, memories: [], note: null };
        const started = this.#deps.clock.now();
        const seconds = () => (this.#deps.clock.now() - started) / 1000;
        if (started < this.#coolUntil) {
            this.#deps.metrics.recall('skipped', 0);
            return { section: null, memories: [], note: { skipped: this.#coolReason } };
        }
        try {
            const result = await withTimeout(this.#deps.memory.context({
                employeeId,
                taskDescription: `${task.title}\n\n${task.description}`.slice(0, MEMORY_TASK_MAX_CHARS).trim(),
                tokenBudget: promptBudget,
                options: { topK },
            }), recallTimeoutMs);
            const { memories, prompt, tokensUsed } = result.context;
            this.#deps.metrics.recall(memories.length > 0 ? 'used' : 'none', seconds());
            if (memories.length === 0 || prompt.trim() === '')
                return { section: null, memories: [], note: { used: 0, tokens: 0, ids: [] } };
            return {
                section: `${prompt}\n${MEMORY_CITE_INSTRUCTION}`,
                memories,
                note: { used: memories.length, tokens: tokensUsed, ids: memories.map((m) => m.id) },
            };
        }
        catch (err) {
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
    async recordUses(taskId, run, employeeId, recall) {
        if (recall.memories.length === 0)
            return;
        try {
            await this.#deps.links.recordUses(recall.memories.map((m, i) => ({
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
            })));
        }
        catch (err) {
            this.#deps.logger.warn({ err, taskId, runId: run.id }, 'recording the memories a run used failed');
        }
    }
    /** Writes the run's memory (once per run); never throws. */
    async remember(task, run) {
        const employeeId = run.employeeId ?? task.assignedTo;
        if (!this.#options.writeAfterRuns || runOutcome(run.status) === null || employeeId === null) {
            this.#deps.metrics.write('skipped');
            return;
        }
        try {
            const filesChanged = await this.#filesChanged(run.id);
            const note = runMemoryNote({ task, run, filesChanged });
            if (note === null)
                return;
            const claimed = await this.#deps.links.claimWrite({ runId: run.id, taskId: task.id, employeeId, filesChanged, at: this.#deps.clock.isoNow() });
            if (!claimed) {
                this.#deps.metrics.write('duplicate');
                return;
            }
            try {
                const stored = await withTimeout(this.#deps.memory.store({
                    type: note.type,
                    employeeId,
                    content: note.content,
                    context: note.context,
                    metadata: { importance: note.importance, tags: note.tags, scope: 'private', source: { runId: run.id, taskId: task.id } },
                }), this.#options.writeTimeoutMs);
                await this.#deps.links.finishWrite(run.id, { status: 'written', memoryId: stored.memoryId, memoryType: note.type, importance: note.importance }, this.#deps.clock.isoNow());
                this.#deps.metrics.write('written');
                this.#deps.logger.info({ taskId: task.id, runId: run.id, memoryId: stored.memoryId, type: note.type, rule: note.rule }, 'run memory written');
            }
            catch (err) {
                const code = isAppError(err) ? err.code : 'MEMORY_UNAVAILABLE';
                this.#deps.metrics.write('failed');
                this.#deps.logger.warn({ err, taskId: task.id, runId: run.id, code }, 'writing the memory of a run failed');
                await this.#deps.links.finishWrite(run.id, { status: 'failed', errorCode: code }, this.#deps.clock.isoNow());
            }
        }
        catch (err) {
            this.#deps.metrics.write('failed');
            this.#deps.logger.warn({ err, taskId: task.id, runId: run.id }, 'recording the memory of a run failed');
        }
    }
    forTask(taskId) {
        return this.#deps.links.forTask(taskId);
    }
    /** Paths from the run's tool-use events; an unreadable log gives what was read so far. */
    async #filesChanged(runId) {
        const files = new FilesChanged();
        let after = 0;
        try {
            for (;;) {
                const page = await this.#deps.readEvents(runId, after, EVENT_PAGE);
                for (const e of page)
                    files.add(e.event);
                if (page.length < EVENT_PAGE)
                    break;
                after = page[page.length - 1]?.seq ?? after;
            }
        }
        catch (err) {
            this.#deps.logger.warn({ err, runId }, 'reading a run\'s events for its changed files failed');
        }
        return files.paths();
    }
}
/** Rejects with MEMORY_UNAVAILABLE after `ms` (the work itself cannot be cancelled and is left to finish). */
function withTimeout(work, ms) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new AppError('MEMORY_UNAVAILABLE', { message: `The memory service did not answer within ${ms} ms` })), ms);
        timer.unref?.();
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
//# sourceMappingURL=run-memory.js.map