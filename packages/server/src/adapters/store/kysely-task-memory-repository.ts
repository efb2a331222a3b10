/**
 * TaskMemoryRepository over Kysely (SQLite and PostgreSQL), tables of migration 0006. The table
 * types live here (added to the store's with `withTables`), beside the only code that reads them.
 */
import type { Kysely } from 'kysely';
import type { MemoryType, TaskMemories, TaskMemoryUse, TaskMemoryWrite, TaskMemoryWriteStatus } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import type { NewTaskMemoryUse, TaskMemoryRepository, WriteClaim, WriteOutcome } from '../../ports/task-memory-repository.js';
import type { StoreDatabase } from './schema.js';
import { isForeignKeyViolation } from './task-db-errors.js';
import { toStoredIso } from './timestamps.js';

type TaskMemoryUsesTable = {
  run_id: string;
  memory_id: string;
  task_id: string;
  employee_id: string;
  owner_id: string;
  memory_type: MemoryType;
  relevance: number;
  rank: number;
  tokens: number;
  /** 0/1. */
  truncated: number;
  used_at: string;
};

type TaskMemoryWritesTable = {
  run_id: string;
  task_id: string;
  employee_id: string;
  status: TaskMemoryWriteStatus;
  memory_id: string | null;
  memory_type: MemoryType | null;
  importance: number | null;
  /** JSON array of paths. */
  files_changed: string;
  error_code: string | null;
  created_at: string;
  updated_at: string;
};

type TaskMemoryTables = {
  task_memory_uses: TaskMemoryUsesTable;
  task_memory_writes: TaskMemoryWritesTable;
};

/** Rows per insert statement (SQLite allows 32766 bound parameters; 11 per row). */
const INSERT_CHUNK = 500;

export class KyselyTaskMemoryRepository implements TaskMemoryRepository {
  private readonly db: Kysely<StoreDatabase & TaskMemoryTables>;

  constructor(db: Kysely<StoreDatabase>) {
    this.db = db.withTables<TaskMemoryTables>();
  }

  async recordUses(uses: readonly NewTaskMemoryUse[]): Promise<void> {
    for (let i = 0; i < uses.length; i += INSERT_CHUNK) {
      const rows = uses.slice(i, i + INSERT_CHUNK).map(useToRow);
      await this.guard(rows[0]?.task_id ?? '', () =>
        this.db
          .insertInto('task_memory_uses')
          .values(rows)
          .onConflict((oc) => oc.columns(['run_id', 'memory_id']).doNothing())
          .execute(),
      );
    }
  }

  async claimWrite(claim: WriteClaim): Promise<boolean> {
    const at = toStoredIso(claim.at);
    const result = await this.guard(claim.taskId, () =>
      this.db
        .insertInto('task_memory_writes')
        .values({
          run_id: claim.runId,
          task_id: claim.taskId,
          employee_id: claim.employeeId,
          status: 'pending',
          memory_id: null,
          memory_type: null,
          importance: null,
          files_changed: JSON.stringify(claim.filesChanged),
          error_code: null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('run_id').doNothing())
        .executeTakeFirst(),
    );
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async finishWrite(runId: string, outcome: WriteOutcome, at: string): Promise<void> {
    const fields =
      outcome.status === 'written'
        ? { status: 'written' as const, memory_id: outcome.memoryId, memory_type: outcome.memoryType, importance: outcome.importance, error_code: null }
        : { status: 'failed' as const, error_code: outcome.errorCode };
    await this.db
      .updateTable('task_memory_writes')
      .set({ ...fields, updated_at: toStoredIso(at) })
      .where('run_id', '=', runId)
      .execute();
  }

  async forTask(taskId: string): Promise<TaskMemories> {
    const [uses, writes] = await Promise.all([
      this.db.selectFrom('task_memory_uses').selectAll().where('task_id', '=', taskId).orderBy('used_at').orderBy('run_id').orderBy('rank').execute(),
      this.db.selectFrom('task_memory_writes').selectAll().where('task_id', '=', taskId).orderBy('created_at').orderBy('run_id').execute(),
    ]);
    return { taskId, used: uses.map(rowToUse), written: writes.map(rowToWrite) };
  }

  /** A row for a task that does not exist is TASK_NOT_FOUND. */
  private async guard<T>(taskId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new AppError('TASK_NOT_FOUND', { details: { taskId }, cause: err });
      throw err;
    }
  }
}

function useToRow(use: NewTaskMemoryUse): TaskMemoryUsesTable {
  return {
    run_id: use.runId,
    memory_id: use.memoryId,
    task_id: use.taskId,
    employee_id: use.employeeId,
    owner_id: use.ownerId,
    memory_type: use.memoryType,
    relevance: use.relevance,
    rank: use.rank,
    tokens: use.tokens,
    truncated: use.truncated ? 1 : 0,
    used_at: toStoredIso(use.usedAt),
  };
}

function rowToUse(row: TaskMemoryUsesTable): TaskMemoryUse {
  return {
    runId: row.run_id,
    memoryId: row.memory_id,
    employeeId: row.employee_id,
    ownerId: row.owner_id,
    memoryType: row.memory_type,
    relevance: Number(row.relevance),
    rank: Number(row.rank),
    tokens: Number(row.tokens),
    truncated: Boolean(row.truncated),
    usedAt: row.used_at,
  };
}

function rowToWrite(row: TaskMemoryWritesTable): TaskMemoryWrite {
  return {
    runId: row.run_id,
    employeeId: row.employee_id,
    status: row.status,
    memoryId: row.memory_id,
    memoryType: row.memory_type,
    importance: row.importance === null ? null : Number(row.importance),
    filesChanged: JSON.parse(row.files_changed) as string[],
    errorCode: row.error_code,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
