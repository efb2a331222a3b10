/**
 * Which memories a task's runs used and wrote (see @dash/shared task-memories.ts). Implemented
 * over Kysely for SQLite and PostgreSQL (adapters/store/kysely-task-memory-repository.ts); the
 * contract suite (test/contracts/task-memory-repository.contract.ts) runs against both.
 *
 * Guarantees:
 *  - rows hang off their task: deleting the task deletes them; a row for a task that does not
 *    exist is refused (TASK_NOT_FOUND);
 *  - `recordUses` is idempotent per (run, memory): recording the same use again changes nothing;
 *  - `claimWrite` succeeds once per run, ever: it is what keeps a run that is settled twice from
 *    writing two memories. The claim is then finished as written or failed.
 */
import type { TaskMemories, TaskMemoryUse, TaskMemoryWrite } from '@dash/shared';
export type NewTaskMemoryUse = TaskMemoryUse & {
    taskId: string;
};
export interface WriteClaim {
    runId: string;
    taskId: string;
    employeeId: string;
    filesChanged: readonly string[];
    /** ISO 8601. */
    at: string;
}
export type WriteOutcome = {
    status: 'written';
    memoryId: string;
    memoryType: NonNullable<TaskMemoryWrite['memoryType']>;
    importance: number;
} | {
    status: 'failed';
    errorCode: string;
};
export interface TaskMemoryRepository {
    /** Stores the uses of one or more runs; an existing (run, memory) pair is left as it is. */
    recordUses(uses: readonly NewTaskMemoryUse[]): Promise<void>;
    /** True when this caller claimed the run's write; false when the run already has one. */
    claimWrite(claim: WriteClaim): Promise<boolean>;
    /** Records how a claimed write ended. */
    finishWrite(runId: string, outcome: WriteOutcome, at: string): Promise<void>;
    /** Uses (by usedAt, run, rank) and writes (by createdAt) of the task; empty lists for an unknown task. */
    forTask(taskId: string): Promise<TaskMemories>;
}
