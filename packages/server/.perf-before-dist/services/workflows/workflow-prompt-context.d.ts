/**
 * The handoff into a step task's prompt (the dispatcher's `promptContext` hook): the outputs of
 * the steps its step depends on (recorded when they completed), the work done earlier in the same
 * step when its roles work one after another (read from those tasks' runs), and after a rejection
 * the reviewer's reason with this task's previous result. Rendered by domain/workflows/handoff.ts.
 * Tasks outside workflows (and the classification task) get nothing.
 */
import type { Task } from '@dash/shared';
import type { TaskRepository } from '../../ports/task-repository.js';
import type { WorkflowRepository } from '../../ports/workflow-repository.js';
import type { Staffing } from './staffing.js';
import type { TaskOutputReader } from './task-output-reader.js';
export interface WorkflowPromptContextDeps {
    repo: Pick<WorkflowRepository, 'linkOfTask' | 'getRun'>;
    taskReads: Pick<TaskRepository, 'getMany'>;
    outputs: TaskOutputReader;
    staffing: () => Promise<Staffing>;
}
export declare class WorkflowPromptContext {
    private readonly deps;
    constructor(deps: WorkflowPromptContextDeps);
    forTask(task: Pick<Task, 'id' | 'labels'>): Promise<string | null>;
    /** Outputs of some of the run's tasks, read from their runs now. */
    private liveOutputs;
}
