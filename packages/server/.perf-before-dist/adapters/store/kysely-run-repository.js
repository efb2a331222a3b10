import { terminalRunStatuses } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import { isUniqueViolation } from './db-errors.js';
import { decodeRunCursor, encodeRunCursor } from './run-cursor.js';
import { newRunToRow, patchToRow, rowToRun } from './run-row.js';
import { usageRollup } from './usage-rollup-query.js';
export class KyselyRunRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async create(run) {
        try {
            const row = await this.db.insertInto('runs').values(newRunToRow(run)).returningAll().executeTakeFirstOrThrow();
            return rowToRun(row);
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw new AppError('CONFLICT', { message: `Run ${run.id} already exists`, cause: err });
            throw err;
        }
    }
    async get(id) {
        const row = await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
        return row ? rowToRun(row) : null;
    }
    async update(id, patch) {
        const set = patchToRow(patch);
        const row = Object.keys(set).length === 0
            ? await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst()
            : await this.db.updateTable('runs').set(set).where('id', '=', id).returningAll().executeTakeFirst();
        if (!row)
            throw new AppError('RUN_NOT_FOUND', { details: { runId: id } });
        return rowToRun(row);
    }
    async transition(id, from, patch) {
        if (from.length === 0)
            return null;
        const row = await this.db
            .updateTable('runs')
            .set(patchToRow(patch))
            .where('id', '=', id)
            .where('status', 'in', [...from])
            .returningAll()
            .executeTakeFirst();
        return row ? rowToRun(row) : null;
    }
    /** Newest first (created_at desc, id desc). An empty `status` array means no status filter. */
    async list(filter) {
        let query = this.db.selectFrom('runs').selectAll();
        if (filter.status && filter.status.length > 0)
            query = query.where('status', 'in', filter.status);
        if (filter.taskId !== undefined)
            query = query.where('task_id', '=', filter.taskId);
        if (filter.employeeId !== undefined)
            query = query.where('employee_id', '=', filter.employeeId);
        if (filter.cursor !== undefined) {
            const after = decodeRunCursor(filter.cursor);
            query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
        }
        const rows = await query
            .orderBy('created_at', 'desc')
            .orderBy('id', 'desc')
            .limit(filter.limit + 1)
            .execute();
        const page = rows.slice(0, filter.limit);
        const last = page.at(-1);
        const nextCursor = rows.length > filter.limit && last ? encodeRunCursor({ createdAt: last.created_at, id: last.id }) : null;
        return { items: page.map(rowToRun), nextCursor };
    }
    /** Oldest first, so reconciliation handles runs in the order they were created. */
    async listActive(nodeId) {
        let query = this.db.selectFrom('runs').selectAll().where('status', 'not in', [...terminalRunStatuses]);
        if (nodeId !== undefined)
            query = query.where('node_id', '=', nodeId);
        const rows = await query.orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
        return rows.map(rowToRun);
    }
    async addUsage(id, delta) {
        const result = await this.db
            .updateTable('runs')
            .set((eb) => ({
            input_tokens: eb('input_tokens', '+', delta.inputTokens),
            output_tokens: eb('output_tokens', '+', delta.outputTokens),
            cache_read_tokens: eb('cache_read_tokens', '+', delta.cacheReadTokens),
            cache_write_tokens: eb('cache_write_tokens', '+', delta.cacheWriteTokens),
            cost_usd: eb('cost_usd', '+', delta.costUsd),
        }))
            .where('id', '=', id)
            .executeTakeFirst();
        if (result.numUpdatedRows === 0n)
            throw new AppError('RUN_NOT_FOUND', { details: { runId: id } });
    }
    usageRollup(groupBy, range) {
        return usageRollup(this.db, groupBy, range);
    }
}
//# sourceMappingURL=kysely-run-repository.js.map