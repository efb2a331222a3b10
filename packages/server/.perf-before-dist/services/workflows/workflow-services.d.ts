/**
 * The workflow services wired together over their ports: the engine, the API service and the
 * prompt handoff, sharing one output reader and one staffing view. app-workflows.ts and the test
 * harness both build them here, so tests run exactly what the server runs.
 */
import type { EmployeeView, RunEvent } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { TaskRepository } from '../../ports/task-repository.js';
import type { WorkflowRepository } from '../../ports/workflow-repository.js';
import type { WorkflowTemplateRegistry } from './template-registry.js';
import { WorkflowEngine, type WorkflowTaskOps } from './workflow-engine.js';
import { WorkflowPromptContext } from './workflow-prompt-context.js';
import { WorkflowService } from './workflow-service.js';
export interface WorkflowServicesDeps {
    repo: WorkflowRepository;
    templates: WorkflowTemplateRegistry;
    taskReads: Pick<TaskRepository, 'get' | 'getMany'>;
    taskOps: WorkflowTaskOps;
    runs: Pick<RunRepository, 'get'>;
    readEvents: (runId: string, afterSeq: number, limit: number) => Promise<RunEvent[]>;
    /** The employee registry's current employees (with their slots in use). */
    employees: () => Promise<EmployeeView[]>;
    bus: EventBus;
    clock: Clock;
    logger: Logger;
    newId: () => string;
    /** The engine's periodic sweep. @default 15_000 */
    sweepMs?: number;
}
export interface WorkflowServices {
    engine: WorkflowEngine;
    service: WorkflowService;
    prompts: WorkflowPromptContext;
}
export declare function createWorkflowServices(deps: WorkflowServicesDeps): WorkflowServices;
