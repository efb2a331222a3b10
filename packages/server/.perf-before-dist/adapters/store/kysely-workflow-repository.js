/**
 * WorkflowRepository over Kysely, one implementation for SQLite and PostgreSQL. Each change is one
 * conditional UPDATE (on the id and the statuses it may start from) inside a transaction that also
 * writes what belongs to the change (new steps, step task links, the decision) and bumps the run's
 * version, so a writer that lost a race writes nothing at all. `updated_at` comes from the clock.
 */
import {} from 'kysely';
import { AppError } from '../../domain/app-error.js';
import { systemClock } from '../../ports/clock.js';
import { isUniqueViolation } from './db-errors.js';
import { decodeRunCursor, encodeRunCursor } from './run-cursor.js';
import { toStoredIso } from './timestamps.js';
import { rowToDecision, rowToRun, rowToStep, runPatchToRow, stepPatchToRow } from './workflow-row.js';
export class KyselyWorkflowRepository {
    db;
    clock;
    constructor(db, clock = systemClock) {
        this.db = db;
        this.clock = clock;
    }
    async createRun(run) {
        const createdAt = toStoredIso(run.createdAt);
        try {
            return await this.db.transaction().execute(async (trx) => {
                await trx
                    .insertInto('workflow_runs')
                    .values({
                    id: run.id,
                    title: run.title,
                    request: run.request,
                    template_id: run.template?.id ?? null,
                    template: run.template === null ? null : JSON.stringify(run.template),
                    status: run.status,
                    selection_mode: run.selectionMode,
                    classifier_task_id: run.classifierTaskId,
                    selection_reason: null,
                    priority: run.priority,
                    working_directory: run.workingDirectory,
                    include_optional_roles: run.includeOptionalRoles ? 1 : 0,
                    error_code: null,
                    error_message: null,
                    created_by: run.createdBy,
                    created_at: createdAt,
                    updated_at: createdAt,
                    ended_at: null,
                    closed_at: null,
                    version: 1,
                })
                    .execute();
                await insertSteps(trx, run.id, run.steps);
                return requireRun(trx, run.id);
            });
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw new AppError('CONFLICT', { message: `Workflow run ${run.id} already exists`, cause: err });
            throw err;
        }
    }
    getRun(id) {
        return findRun(this.db, id);
    }
    async listRuns(filter) {
        let query = this.db.selectFrom('workflow_runs').selectAll();
        if (filter.status && filter.status.length > 0)
            query = query.where('status', 'in', [...filter.status]);
        if (filter.templateId !== undefined)
            query = query.where('template_id', '=', filter.templateId);
        if (filter.cursor !== undefined) {
            const after = decodeRunCursor(filter.cursor);
            query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
        }
        const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute();
        const page = rows.slice(0, filter.limit);
        const last = page.at(-1);
        const nextCursor = rows.length > filter.limit && last ? encodeRunCursor({ createdAt: last.created_at, id: last.id }) : null;
        const steps = await stepsOf(this.db, page.map((r) => r.id));
        return { items: page.map((row) => rowToRun(row, steps.get(row.id) ?? [], [])), nextCursor };
    }
    async runsToReconcile() {
        const rows = await this.db.selectFrom('workflow_runs').select('id').where('closed_at', 'is', null).orderBy('created_at').execute();
        return rows.map((r) => r.id);
    }
    async linkOfTask(taskId) {
        const step = await this.db.selectFrom('workflow_step_tasks').selectAll().where('task_id', '=', taskId).executeTakeFirst();
        if (step)
            return { runId: step.run_id, kind: 'step', stepKey: step.step_key, role: step.role };
        const run = await this.db.selectFrom('workflow_runs').select('id').where('classifier_task_id', '=', taskId).executeTakeFirst();
        return run ? { runId: run.id, kind: 'classifier' } : null;
    }
    async changeRun(id, change) {
        if (change.from.length === 0)
            return null;
        return this.db.transaction().execute(async (trx) => {
            const row = await trx
                .updateTable('workflow_runs')
                .set({ ...runPatchToRow(change.patch ?? {}), status: change.to, updated_at: this.clock.isoNow() })
                .set((eb) => ({ version: eb('version', '+', 1) }))
                .where('id', '=', id)
                .where('status', 'in', [...change.from])
                .returning('id')
                .executeTakeFirst();
            if (!row)
                return null;
            if (change.steps)
                await insertSteps(trx, id, change.steps);
            return requireRun(trx, id);
        });
    }
    async changeStep(runId, key, change) {
        if (change.from.length === 0)
            return false;
        return this.db.transaction().execute(async (trx) => {
            const row = await trx
                .updateTable('workflow_steps')
                .set({ ...stepPatchToRow(change.patch ?? {}), status: change.to })
                .where('run_id', '=', runId)
                .where('key', '=', key)
                .where('status', 'in', [...change.from])
                .returning('key')
                .executeTakeFirst();
            if (!row)
                return false;
            if (change.tasks && change.tasks.length > 0) {
                await trx
                    .insertInto('workflow_step_tasks')
                    .values(change.tasks.map((t) => ({ task_id: t.taskId, run_id: runId, step_key: key, role: t.role, position: t.position })))
                    .execute();
            }
            if (change.decision)
                await insertDecision(trx, runId, change.decision);
            await trx
                .updateTable('workflow_runs')
                .set({ updated_at: this.clock.isoNow() })
                .set((eb) => ({ version: eb('version', '+', 1) }))
                .where('id', '=', runId)
                .execute();
            return true;
        });
    }
    async closeRun(id, at) {
        await this.db.updateTable('workflow_runs').set({ closed_at: toStoredIso(at) }).where('id', '=', id).where('closed_at', 'is', null).execute();
    }
}
async function insertSteps(db, runId, steps) {
    if (steps.length === 0)
        return;
    await db
        .insertInto('workflow_steps')
        .values(steps.map((s) => ({
        run_id: runId,
        key: s.key,
        position: s.position,
        status: 'pending',
        round: 1,
        round_started_at: null,
        started_at: null,
        awaiting_since: null,
        completed_at: null,
        reason: null,
        output: null,
    })))
        .execute();
}
async function insertDecision(db, runId, decision) {
    await db
        .insertInto('workflow_decisions')
        .values({
        id: decision.id,
        run_id: runId,
        step_key: decision.stepKey,
        decision: decision.decision,
        reason: decision.reason,
        actor: decision.actor,
        round: decision.round,
        at: toStoredIso(decision.at),
    })
        .execute();
}
/** Steps with their task links, per run id. */
async function stepsOf(db, runIds) {
    const byRun = new Map();
    if (runIds.length === 0)
        return byRun;
    const [steps, links] = await Promise.all([
        db.selectFrom('workflow_steps').selectAll().where('run_id', 'in', [...runIds]).execute(),
        db.selectFrom('workflow_step_tasks').selectAll().where('run_id', 'in', [...runIds]).execute(),
    ]);
    for (const step of steps) {
        const tasks = links.filter((l) => l.run_id === step.run_id && l.step_key === step.key);
        const list = byRun.get(step.run_id) ?? [];
        list.push(rowToStep(step, tasks));
        byRun.set(step.run_id, list);
    }
    return byRun;
}
async function findRun(db, id) {
    const row = await db.selectFrom('workflow_runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row)
        return null;
    const [steps, decisions] = await Promise.all([
        stepsOf(db, [id]),
        db.selectFrom('workflow_decisions').selectAll().where('run_id', '=', id).orderBy('seq').execute(),
    ]);
    return rowToRun(row, steps.get(id) ?? [], decisions.map(rowToDecision));
}
async function requireRun(db, id) {
    const run = await findRun(db, id);
    if (!run)
        throw new AppError('WORKFLOW_RUN_NOT_FOUND', { details: { runId: id } });
    return run;
}
//# sourceMappingURL=kysely-workflow-repository.js.map