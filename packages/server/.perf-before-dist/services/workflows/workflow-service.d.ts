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
import { type ListWorkflowRunsQuery, type WorkflowRun, type WorkflowRunList, type WorkflowTemplateList, type WorkflowTemplateView } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { TaskRepository } from '../../ports/task-repository.js';
import type { WorkflowRepository } from '../../ports/workflow-repository.js';
import type { Staffing } from './staffing.js';
import type { WorkflowTemplateRegistry } from './template-registry.js';
import type { WorkflowEngine, WorkflowTaskOps } from './workflow-engine.js';
export interface WorkflowServiceDeps {
    repo: WorkflowRepository;
    templates: WorkflowTemplateRegistry;
    engine: Pick<WorkflowEngine, 'schedule' | 'publish'>;
    taskReads: Pick<TaskRepository, 'getMany'>;
    taskOps: Pick<WorkflowTaskOps, 'resolve'>;
    staffing: () => Promise<Staffing>;
    clock: Clock;
    logger: Logger;
    newId: () => string;
}
export declare class WorkflowService {
    private readonly deps;
    constructor(deps: WorkflowServiceDeps);
    templates(): Promise<WorkflowTemplateList>;
    template(id: string): Promise<WorkflowTemplateView>;
    /** Re-reads the templates directory; WORKFLOW_TEMPLATE_INVALID (templates in force kept) when a file is bad. */
    reloadTemplates(): Promise<WorkflowTemplateList>;
    start(input: unknown, actor: string): Promise<WorkflowRun>;
    list(q: Partial<ListWorkflowRunsQuery>): Promise<WorkflowRunList>;
    get(id: string): Promise<WorkflowRun>;
    cancel(id: string, input: unknown, actor: string): Promise<WorkflowRun>;
    approve(id: string, key: string, input: unknown, actor: string): Promise<WorkflowRun>;
    reject(id: string, key: string, input: unknown, actor: string): Promise<WorkflowRun>;
    private stored;
    private stepOf;
    private awaiting;
}
