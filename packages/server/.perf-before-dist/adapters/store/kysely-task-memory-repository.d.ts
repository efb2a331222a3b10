/**
 * TaskMemoryRepository over Kysely (SQLite and PostgreSQL), tables of migration 0006. The table
 * types live here (added to the store's with `withTables`), beside the only code that reads them.
 */
import type { Kysely } from 'kysely';
import type { TaskMemories } from '@dash/shared';
import type { NewTaskMemoryUse, TaskMemoryRepository, WriteClaim, WriteOutcome } from '../../ports/task-memory-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyTaskMemoryRepository implements TaskMemoryRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    recordUses(uses: readonly NewTaskMemoryUse[]): Promise<void>;
    claimWrite(claim: WriteClaim): Promise<boolean>;
    finishWrite(runId: string, outcome: WriteOutcome, at: string): Promise<void>;
    forTask(taskId: string): Promise<TaskMemories>;
    /** A row for a task that does not exist is TASK_NOT_FOUND. */
    private guard;
}
