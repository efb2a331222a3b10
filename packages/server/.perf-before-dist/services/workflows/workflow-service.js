/**
 * Workflows as people use them (/api/workflows): the templates in force, starting a run (with a
 * named template, or letting an agent choose), listing and reading runs, cancelling one, and
 * deciding on a step that waits for approval. The engine (workflow-engine.ts) does the rest.
 *
 * Rules:
 *  - input is validated with the shared schemas; every check runs before the first write, so a
 *    refused request changes nothing;
 *  - a run starts only when every required role of its template has an active or paused employee
 *    (WORKFLOW_ROLE_UNSTAFFED otherwise), and an agent-chosen run only when someone can classify;
 *  - approve/reject apply only to a step in `awaiting_approval` (409
 *    WORKFLOW_STEP_NOT_AWAITING_APPROVAL with the step's status); reject needs a non-blank reason
 *    (400 WORKFLOW_REJECT_REASON_REQUIRED). Approve records the decision, completes the step and
 *    resolves its tasks; reject records it and starts the step's next round, in which the engine
 *    reopens its tasks with the reason;
 *  - cancel applies to a run that has not finished (409 WORKFLOW_RUN_FINISHED) and cascades to
 *    every task of the run still pending, queued or running.
 */
import { approveWorkflowStepBody, cancelWorkflowBody, isTerminalWorkflowRunStatus, rejectWorkflowStepBody, startWorkflowBody, WORKFLOW_RUN_LIST_LIMIT_DEFAULT, } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import { parseInput } from '../tasks/parse-input.js';
import { WORKFLOW_ACTOR } from './bus-topics.js';
import { taskIdsOf, toRunSummary, toRunView } from './workflow-views.js';
const OPEN = ['classifying', 'running', 'awaiting_approval'];
export class WorkflowService {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    // ---- templates -----------------------------------------------------------------------------
    async templates() {
        const staffing = await this.deps.staffing();
        const items = this.deps.templates.list().map((t) => ({ ...t, unstaffedRoles: staffing.unstaffed(t.phases.flatMap((p) => p.requiredRoles)) }));
        return { items, status: this.deps.templates.status() };
    }
    async template(id) {
        const template = this.deps.templates.require(id, 'params.id');
        const staffing = await this.deps.staffing();
        return { ...template, unstaffedRoles: staffing.unstaffed(template.phases.flatMap((p) => p.requiredRoles)) };
    }
    /** Re-reads the templates directory; WORKFLOW_TEMPLATE_INVALID (templates in force kept) when a file is bad. */
    async reloadTemplates() {
        await this.deps.templates.reloadOrThrow();
        return this.templates();
    }
    // ---- runs ----------------------------------------------------------------------------------
    async start(input, actor) {
        const body = parseInput(startWorkflowBody, input);
        const staffing = await this.deps.staffing();
        const template = body.templateId === null ? null : this.deps.templates.require(body.templateId);
        if (template) {
            const unstaffed = staffing.unstaffed(template.phases.flatMap((p) => p.requiredRoles));
            if (unstaffed.length > 0) {
                throw new AppError('WORKFLOW_ROLE_UNSTAFFED', {
                    message: `Nobody active or paused has the role(s) ${unstaffed.join(', ')} that ${template.name} needs`,
                    details: { templateId: template.id, roles: unstaffed },
                });
            }
        }
        else {
            if (this.deps.templates.list().length === 0) {
                throw new AppError('WORKFLOW_TEMPLATE_NOT_FOUND', { message: 'There are no workflow templates to choose from', fields: [{ path: 'body.templateId', message: 'no templates are loaded' }] });
            }
            if (staffing.classifier() === null) {
                throw new AppError('WORKFLOW_ROLE_UNSTAFFED', {
                    message: 'Nobody can choose the workflow: no active or paused project manager or technical lead',
                    details: { roles: ['project_manager', 'technical_lead'] },
                });
            }
        }
        const id = this.deps.newId();
        await this.deps.repo.createRun({
            id,
            title: body.title,
            request: body.request,
            template,
            status: template ? 'running' : 'classifying',
            selectionMode: template ? 'explicit' : 'agent',
            classifierTaskId: template ? null : this.deps.newId(),
            priority: body.priority,
            workingDirectory: body.workingDirectory,
            includeOptionalRoles: body.includeOptionalRoles,
            createdBy: actor,
            createdAt: this.deps.clock.isoNow(),
            steps: template ? template.phases.map((p, position) => ({ key: p.key, position })) : [],
        });
        this.deps.logger.info({ runId: id, templateId: template?.id ?? null, actor }, 'workflow run started');
        // The first reconcile creates the first tasks (or the classification task) before we answer.
        await this.deps.engine.schedule(id, { publish: true });
        return this.get(id);
    }
    async list(q) {
        const page = await this.deps.repo.listRuns({
            limit: q.limit ?? WORKFLOW_RUN_LIST_LIMIT_DEFAULT,
            ...(q.status && { status: q.status }),
            ...(q.templateId !== undefined && { templateId: q.templateId }),
            ...(q.cursor !== undefined && { cursor: q.cursor }),
        });
        return { items: page.items.map(toRunSummary), nextCursor: page.nextCursor };
    }
    async get(id) {
        const run = await this.stored(id);
        const tasks = await this.deps.taskReads.getMany(taskIdsOf(run));
        return toRunView(run, new Map(tasks.map((t) => [t.id, t])));
    }
    async cancel(id, input, actor) {
        const body = parseInput(cancelWorkflowBody, input ?? {});
        const run = await this.stored(id);
        if (isTerminalWorkflowRunStatus(run.status))
            throw finished(run);
        const changed = await this.deps.repo.changeRun(id, {
            from: OPEN,
            to: 'cancelled',
            patch: { errorMessage: body.reason ?? `Cancelled by ${actor}`, endedAt: this.deps.clock.isoNow() },
        });
        if (!changed)
            throw finished(await this.stored(id));
        this.deps.logger.info({ runId: id, actor }, 'workflow run cancelled');
        // Closing the run cancels its open steps and tasks (and stops their runs).
        await this.deps.engine.schedule(id, { publish: true });
        return this.get(id);
    }
    async approve(id, key, input, actor) {
        const body = parseInput(approveWorkflowStepBody, input ?? {});
        const run = await this.stored(id);
        const step = this.awaiting(run, key);
        const now = this.deps.clock.isoNow();
        const applied = await this.deps.repo.changeStep(id, key, {
            from: ['awaiting_approval'],
            to: 'completed',
            patch: { completedAt: now, awaitingSince: null },
            decision: { id: this.deps.newId(), stepKey: key, decision: 'approved', reason: body.comment ?? null, actor, round: step.round, at: now },
        });
        if (!applied)
            this.awaiting(await this.stored(id), key);
        this.deps.logger.info({ runId: id, step: key, round: step.round, actor }, 'workflow step approved');
        // The person accepted the step's result: its tasks are resolved (best effort; the step is what counts).
        for (const link of step.tasks) {
            await this.deps.taskOps.resolve(link.taskId, { comment: `Approved in the workflow by ${actor}${body.comment ? `: ${body.comment}` : ''}` }, WORKFLOW_ACTOR).catch(() => undefined);
        }
        await this.deps.engine.schedule(id, { publish: true });
        return this.get(id);
    }
    async reject(id, key, input, actor) {
        const body = parseInput(rejectWorkflowStepBody, input ?? {});
        const run = await this.stored(id);
        this.stepOf(run, key);
        const reason = (body.reason ?? '').trim();
        if (reason === '') {
            throw new AppError('WORKFLOW_REJECT_REASON_REQUIRED', {
                message: 'Say why the step is rejected: its tasks run again with the reason',
                fields: [{ path: 'body.reason', message: 'required (not blank)' }],
            });
        }
        const step = this.awaiting(run, key);
        const now = this.deps.clock.isoNow();
        const applied = await this.deps.repo.changeStep(id, key, {
            from: ['awaiting_approval'],
            to: 'running',
            patch: { round: step.round + 1, roundStartedAt: now, awaitingSince: null },
            decision: { id: this.deps.newId(), stepKey: key, decision: 'rejected', reason, actor, round: step.round, at: now },
        });
        if (!applied)
            this.awaiting(await this.stored(id), key);
        this.deps.logger.info({ runId: id, step: key, round: step.round, actor }, 'workflow step rejected');
        // The engine reopens the step's tasks with the reason (also after a crash right here).
        await this.deps.engine.schedule(id, { publish: true });
        return this.get(id);
    }
    async stored(id) {
        const run = await this.deps.repo.getRun(id);
        if (!run)
            throw new AppError('WORKFLOW_RUN_NOT_FOUND', { message: `Workflow run ${id} not found`, details: { runId: id } });
        return run;
    }
    stepOf(run, key) {
        const step = run.steps.find((s) => s.key === key);
        if (!step) {
            throw new AppError('WORKFLOW_STEP_NOT_FOUND', {
                message: `Workflow run ${run.id} has no step "${key}"`,
                details: { runId: run.id, stepKey: key, steps: run.steps.map((s) => s.key) },
            });
        }
        return step;
    }
    awaiting(run, key) {
        const step = this.stepOf(run, key);
        if (step.status !== 'awaiting_approval') {
            throw new AppError('WORKFLOW_STEP_NOT_AWAITING_APPROVAL', {
                message: `Step "${key}" is ${step.status}, not waiting for approval`,
                details: { runId: run.id, stepKey: key, status: step.status, runStatus: run.status },
            });
        }
        return step;
    }
}
function finished(run) {
    return new AppError('WORKFLOW_RUN_FINISHED', { message: `Workflow run ${run.id} is already ${run.status}`, details: { runId: run.id, status: run.status } });
}
//# sourceMappingURL=workflow-service.js.map