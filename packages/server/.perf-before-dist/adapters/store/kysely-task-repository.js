/**
 * TaskRepository over Kysely, one implementation for SQLite and PostgreSQL.
 *
 *  - update and transition are one conditional UPDATE … RETURNING (on id + version, or id +
 *    status) inside a transaction that also rewrites labels/dependencies and appends timeline rows,
 *    so a writer that lost a race changes nothing at all;
 *  - a transition stamps the time fields of the status it enters (queuedAt, startedAt,
 *    completedAt, resolvedAt) from its last timeline entry unless the patch sets them, and clears
 *    blockedReason when leaving `blocked` unless the patch sets it;
 *  - dependency writes check, inside the same transaction, that every dependency exists and that
 *    no cycle forms (domain/tasks/dependency-graph.ts over the upstream edges). On SQLite writers
 *    are serialized, so this is airtight; on PostgreSQL two concurrent edits adding opposite edges
 *    could still both pass (read committed) — the service validates first, and edges only change
 *    through person-driven edits of pending/queued/blocked tasks.
 * `updated_at` comes from the injected clock; every other time is the caller's.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { storedTaskStatusIds, } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import { assertValidDependencies, DependencyGraph } from '../../domain/tasks/dependency-graph.js';
import { systemClock } from '../../ports/clock.js';
import { isUniqueViolation } from './db-errors.js';
import { decodeRunCursor, encodeRunCursor } from './run-cursor.js';
import { isForeignKeyViolation } from './task-db-errors.js';
import { commentToRow, newTaskToRow, rowToComment, rowToTask, rowToTimelineEntry, taskPatchToRow, timelineEntryToRow, } from './task-row.js';
import { toStoredIso } from './timestamps.js';
/** Ids per IN (…) list: far below both dialects' parameter limits. */
const IN_CHUNK = 500;
/** The time field a transition into a status stamps (when the patch leaves it unset). */
const stampOnEnter = {
    queued: 'queuedAt',
    running: 'startedAt',
    completed: 'completedAt',
    resolved: 'resolvedAt',
};
export class KyselyTaskRepository {
    db;
    clock;
    constructor(db, clock = systemClock) {
        this.db = db;
        this.clock = clock;
    }
    async create(task) {
        try {
            return await this.db.transaction().execute(async (trx) => {
                await trx.insertInto('tasks').values(newTaskToRow(task)).execute();
                await writeLabels(trx, task.id, task.labels, false);
                await writeDependencies(trx, task.id, task.dependsOn, false);
                await appendTimeline(trx, task.id, [
                    { from: null, to: task.status, actor: task.createdBy, reason: task.blockedReason ?? null, at: task.createdAt },
                ]);
                return requireTask(trx, task.id);
            });
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw new AppError('CONFLICT', { message: `Task ${task.id} already exists`, cause: err });
            throw err;
        }
    }
    async get(id) {
        return findTask(this.db, id);
    }
    async getMany(ids) {
        const tasks = [];
        for (const chunk of chunks([...new Set(ids)])) {
            const rows = await this.db.selectFrom('tasks').selectAll().where('id', 'in', chunk).execute();
            tasks.push(...(await withDependencies(this.db, rows)));
        }
        return tasks;
    }
    async update(id, expectedVersion, patch) {
        return this.db.transaction().execute(async (trx) => {
            const row = await trx
                .updateTable('tasks')
                .set({ ...taskPatchToRow(patch), updated_at: this.clock.isoNow() })
                .set((eb) => ({ version: eb('version', '+', 1) }))
                .where('id', '=', id)
                .where('version', '=', expectedVersion)
                .returning('id')
                .executeTakeFirst();
            if (!row) {
                const current = await trx.selectFrom('tasks').select('version').where('id', '=', id).executeTakeFirst();
                if (!current)
                    throw new AppError('TASK_NOT_FOUND', { details: { taskId: id } });
                throw new AppError('TASK_VERSION_CONFLICT', {
                    details: { taskId: id, expectedVersion, actualVersion: current.version },
                });
            }
            await writeRelations(trx, id, patch);
            return requireTask(trx, id);
        });
    }
    async transition(id, change) {
        const entries = [].concat(change.timeline);
        const last = entries.at(-1);
        if (change.from.length === 0 || !last)
            return null;
        const patch = { ...change.patch };
        if (change.to !== 'blocked' && patch.blockedReason === undefined)
            patch.blockedReason = null;
        const stamp = stampOnEnter[change.to];
        if (stamp !== undefined && patch[stamp] === undefined)
            patch[stamp] = toStoredIso(last.at);
        return this.db.transaction().execute(async (trx) => {
            let query = trx
                .updateTable('tasks')
                .set({ ...taskPatchToRow(patch), status: change.to, updated_at: this.clock.isoNow() })
                .set((eb) => ({ version: eb('version', '+', 1) }))
                .where('id', '=', id)
                .where('status', 'in', [...change.from]);
            if (change.expectedVersion !== undefined)
                query = query.where('version', '=', change.expectedVersion);
            const row = await query.returning('id').executeTakeFirst();
            if (!row)
                return null;
            await writeRelations(trx, id, patch);
            await appendTimeline(trx, id, entries);
            return requireTask(trx, id);
        });
    }
    /** Newest first (created_at desc, id desc); keyset pages never skip or repeat a task. */
    async list(filter) {
        let query = this.db.selectFrom('tasks').selectAll();
        if (filter.status && filter.status.length > 0)
            query = query.where('status', 'in', [...filter.status]);
        if (filter.priority && filter.priority.length > 0)
            query = query.where('priority', 'in', [...filter.priority]);
        const employee = filter.employee;
        if (employee !== undefined) {
            query = query.where((eb) => eb.or([eb('assigned_to', '=', employee), eb('assignee', '=', employee)]));
        }
        const label = filter.label;
        if (label !== undefined) {
            query = query.where((eb) => eb.exists(eb
                .selectFrom('task_labels')
                .select('task_labels.task_id')
                .whereRef('task_labels.task_id', '=', 'tasks.id')
                .where('task_labels.label', '=', label)));
        }
        if (filter.text !== undefined && filter.text !== '') {
            const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
            const matches = (column) => sql `lower(${sql.ref(column)}) like lower(cast(${pattern} as text)) escape '\\'`;
            query = query.where((eb) => eb.or([matches('title'), matches('description')]));
        }
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
        const lastRow = page.at(-1);
        const nextCursor = rows.length > filter.limit && lastRow ? encodeRunCursor({ createdAt: lastRow.created_at, id: lastRow.id }) : null;
        return { items: await withDependencies(this.db, page), nextCursor };
    }
    async listReady(limit) {
        const rows = await this.db
            .selectFrom('tasks')
            .selectAll()
            .where('status', '=', 'queued')
            .orderBy('priority_weight', 'desc')
            .orderBy('queued_at', 'asc')
            .orderBy('id', 'asc')
            .limit(limit)
            .execute();
        return withDependencies(this.db, rows);
    }
    async dependencies(id) {
        const rows = await this.db
            .selectFrom('task_dependencies')
            .select('depends_on_id')
            .where('task_id', '=', id)
            .orderBy('position')
            .execute();
        return rows.map((r) => r.depends_on_id);
    }
    async dependents(id) {
        return dependentsOf(this.db, id);
    }
    dependencyEdges(ids, direction) {
        return reachableEdges(this.db, ids, direction);
    }
    async addComment(comment) {
        try {
            const row = await this.db.insertInto('task_comments').values(commentToRow(comment)).returningAll().executeTakeFirstOrThrow();
            return rowToComment(row);
        }
        catch (err) {
            if (isForeignKeyViolation(err))
                throw new AppError('TASK_NOT_FOUND', { details: { taskId: comment.taskId }, cause: err });
            if (isUniqueViolation(err))
                throw new AppError('CONFLICT', { message: `Comment ${comment.id} already exists`, cause: err });
            throw err;
        }
    }
    async listComments(taskId) {
        const rows = await this.db.selectFrom('task_comments').selectAll().where('task_id', '=', taskId).orderBy('seq').execute();
        return rows.map(rowToComment);
    }
    async timeline(taskId) {
        const rows = await this.db.selectFrom('task_timeline').selectAll().where('task_id', '=', taskId).orderBy('seq').execute();
        return rows.map(rowToTimelineEntry);
    }
    async delete(id) {
        return this.db.transaction().execute(async (trx) => {
            const dependents = await dependentsOf(trx, id);
            const result = await trx.deleteFrom('tasks').where('id', '=', id).executeTakeFirst();
            return result.numDeletedRows === 0n ? null : { dependents };
        });
    }
    async countByStatus() {
        const rows = await this.db
            .selectFrom('tasks')
            .select((eb) => ['status', eb.fn.countAll().as('n')])
            .groupBy('status')
            .execute();
        const counts = Object.fromEntries(storedTaskStatusIds.map((s) => [s, 0]));
        for (const row of rows)
            counts[row.status] = Number(row.n);
        return counts;
    }
}
function* chunks(items) {
    for (let i = 0; i < items.length; i += IN_CHUNK)
        yield items.slice(i, i + IN_CHUNK);
}
async function findTask(db, id) {
    const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row)
        return null;
    const [task] = await withDependencies(db, [row]);
    return task ?? null;
}
async function requireTask(db, id) {
    const task = await findTask(db, id);
    if (!task)
        throw new AppError('TASK_NOT_FOUND', { details: { taskId: id } });
    return task;
}
/** Rows to Tasks, with their dependency lists loaded in one query (order kept). */
async function withDependencies(db, rows) {
    const byTask = new Map();
    if (rows.length > 0) {
        const edges = await db
            .selectFrom('task_dependencies')
            .select(['task_id', 'depends_on_id'])
            .where('task_id', 'in', rows.map((r) => r.id))
            .orderBy('task_id')
            .orderBy('position')
            .execute();
        for (const edge of edges) {
            const list = byTask.get(edge.task_id) ?? [];
            list.push(edge.depends_on_id);
            byTask.set(edge.task_id, list);
        }
    }
    return rows.map((row) => rowToTask(row, byTask.get(row.id) ?? []));
}
async function dependentsOf(db, id) {
    const rows = await db
        .selectFrom('task_dependencies')
        .select('task_id')
        .where('depends_on_id', '=', id)
        .orderBy('task_id')
        .execute();
    return rows.map((r) => r.task_id);
}
async function writeRelations(db, taskId, patch) {
    if (patch.labels !== undefined)
        await writeLabels(db, taskId, patch.labels, true);
    if (patch.dependsOn !== undefined)
        await writeDependencies(db, taskId, patch.dependsOn, true);
}
async function writeLabels(db, taskId, labels, replace) {
    if (replace)
        await db.deleteFrom('task_labels').where('task_id', '=', taskId).execute();
    const unique = [...new Set(labels)];
    if (unique.length === 0)
        return;
    await db
        .insertInto('task_labels')
        .values(unique.map((label) => ({ task_id: taskId, label })))
        .execute();
}
/** Validates (existence; cycles when replacing) and writes a task's dependency edges. */
async function writeDependencies(db, taskId, deps, replace) {
    const unique = [...new Set(deps)];
    const existing = new Set();
    for (const chunk of chunks(unique)) {
        const rows = await db.selectFrom('tasks').select('id').where('id', 'in', chunk).execute();
        for (const row of rows)
            existing.add(row.id);
    }
    // A new task has no dependents, so only a self-dependency can close a cycle.
    const upstream = replace ? await reachableEdges(db, unique, 'upstream') : [];
    const graph = DependencyGraph.of(upstream);
    assertValidDependencies(graph, taskId, unique, (id) => existing.has(id));
    if (replace)
        await db.deleteFrom('task_dependencies').where('task_id', '=', taskId).execute();
    if (unique.length === 0)
        return;
    try {
        await db
            .insertInto('task_dependencies')
            .values(unique.map((dependsOnId, position) => ({ task_id: taskId, depends_on_id: dependsOnId, position })))
            .execute();
    }
    catch (err) {
        // A dependency deleted between the check and the insert.
        if (isForeignKeyViolation(err)) {
            throw new AppError('TASK_DEPENDENCY_NOT_FOUND', { details: { taskId, missing: [] }, cause: err });
        }
        throw err;
    }
}
async function appendTimeline(db, taskId, entries) {
    if (entries.length === 0)
        return;
    await db
        .insertInto('task_timeline')
        .values(entries.map((entry) => timelineEntryToRow(randomUUID(), taskId, entry)))
        .execute();
}
/**
 * Edges reachable from `ids` with one recursive query (UNION, so it ends even if a cycle slipped
 * in). Upstream: what the tasks depend on, transitively; downstream: what depends on them.
 */
async function reachableEdges(db, ids, direction) {
    if (ids.length === 0)
        return [];
    const roots = [...new Set(ids)];
    const upstream = direction === 'upstream';
    const rows = await db
        .withRecursive('reach(task_id, depends_on_id, position)', (qc) => qc
        .selectFrom('task_dependencies')
        .select(['task_id', 'depends_on_id', 'position'])
        .where(upstream ? 'task_id' : 'depends_on_id', 'in', roots)
        .union(qc
        .selectFrom('task_dependencies as d')
        .innerJoin('reach as r', upstream ? 'r.depends_on_id' : 'r.task_id', upstream ? 'd.task_id' : 'd.depends_on_id')
        .select(['d.task_id', 'd.depends_on_id', 'd.position'])))
        .selectFrom('reach')
        .select(['task_id', 'depends_on_id'])
        .orderBy('task_id')
        .orderBy('position')
        .execute();
    return rows.map((r) => ({ taskId: r.task_id, dependsOnId: r.depends_on_id }));
}
//# sourceMappingURL=kysely-task-repository.js.map