import { AppError } from '../../domain/app-error.js';
import { isForeignKeyViolation } from './task-db-errors.js';
import { toStoredIso } from './timestamps.js';
/** Rows per insert statement (SQLite allows 32766 bound parameters; 11 per row). */
const INSERT_CHUNK = 500;
export class KyselyTaskMemoryRepository {
    db;
    constructor(db) {
        this.db = db.withTables();
    }
    async recordUses(uses) {
        for (let i = 0; i < uses.length; i += INSERT_CHUNK) {
            const rows = uses.slice(i, i + INSERT_CHUNK).map(useToRow);
            await this.guard(rows[0]?.task_id ?? '', () => this.db
                .insertInto('task_memory_uses')
                .values(rows)
                .onConflict((oc) => oc.columns(['run_id', 'memory_id']).doNothing())
                .execute());
        }
    }
    async claimWrite(claim) {
        const at = toStoredIso(claim.at);
        const result = await this.guard(claim.taskId, () => this.db
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
            .executeTakeFirst());
        return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    }
    async finishWrite(runId, outcome, at) {
        const fields = outcome.status === 'written'
            ? { status: 'written', memory_id: outcome.memoryId, memory_type: outcome.memoryType, importance: outcome.importance, error_code: null }
            : { status: 'failed', error_code: outcome.errorCode };
        await this.db
            .updateTable('task_memory_writes')
            .set({ ...fields, updated_at: toStoredIso(at) })
            .where('run_id', '=', runId)
            .execute();
    }
    async forTask(taskId) {
        const [uses, writes] = await Promise.all([
            this.db.selectFrom('task_memory_uses').selectAll().where('task_id', '=', taskId).orderBy('used_at').orderBy('run_id').orderBy('rank').execute(),
            this.db.selectFrom('task_memory_writes').selectAll().where('task_id', '=', taskId).orderBy('created_at').orderBy('run_id').execute(),
        ]);
        return { taskId, used: uses.map(rowToUse), written: writes.map(rowToWrite) };
    }
    /** A row for a task that does not exist is TASK_NOT_FOUND. */
    async guard(taskId, write) {
        try {
            return await write();
        }
        catch (err) {
            if (isForeignKeyViolation(err))
                throw new AppError('TASK_NOT_FOUND', { details: { taskId }, cause: err });
            throw err;
        }
    }
}
function useToRow(use) {
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
function rowToUse(row) {
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
function rowToWrite(row) {
    return {
        runId: row.run_id,
        employeeId: row.employee_id,
        status: row.status,
        memoryId: row.memory_id,
        memoryType: row.memory_type,
        importance: row.importance === null ? null : Number(row.importance),
        filesChanged: JSON.parse(row.files_changed),
        errorCode: row.error_code,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
    };
}
//# sourceMappingURL=kysely-task-memory-repository.js.map