/**
 * Reads what a step task produced from its last run: the run's final text and, from its event
 * log, the files it wrote or edited (domain/workflows/task-output.ts).
 */
import type { RunEvent, Task, WorkflowTaskOutput } from '@dash/shared';
import type { RunRepository } from '../../ports/run-repository.js';
import type { StoredStepTask } from '../../ports/workflow-repository.js';
export interface TaskOutputReaderDeps {
    runs: Pick<RunRepository, 'get'>;
    /** A run's events after `afterSeq` (RunEventLog.read: the store plus what is not written yet). */
    events: (runId: string, afterSeq: number, limit: number) => Promise<RunEvent[]>;
}
export declare class TaskOutputReader {
    private readonly deps;
    constructor(deps: TaskOutputReaderDeps);
    outputOf(link: StoredStepTask, task: Pick<Task, 'id' | 'assignedTo' | 'assignee' | 'lastRunId'> | null): Promise<WorkflowTaskOutput>;
}
