/**
 * WorkflowRepository over Kysely, one implementation for SQLite and PostgreSQL. Each change is one
 * conditional UPDATE (on the id and the statuses it may start from) inside a transaction that also
 * writes what belongs to the change (new steps, step task links, the decision) and bumps the run's
 * version, so a writer that lost a race writes nothing at all. `updated_at` comes from the clock.
 */
import { type Kysely } from 'kysely';
import { type Clock } from '../../ports/clock.js';
import type { NewWorkflowRun, StoredWorkflowRun, WorkflowRepository, WorkflowRunChange, WorkflowRunListFilter, WorkflowStepChange, WorkflowTaskLink } from '../../ports/workflow-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyWorkflowRepository implements WorkflowRepository {
    private readonly db;
    private readonly clock;
    constructor(db: Kysely<StoreDatabase>, clock?: Clock);
    createRun(run: NewWorkflowRun): Promise<StoredWorkflowRun>;
    getRun(id: string): Promise<StoredWorkflowRun | null>;
    listRuns(filter: WorkflowRunListFilter): Promise<{
        items: StoredWorkflowRun[];
        nextCursor: string | null;
    }>;
    runsToReconcile(): Promise<string[]>;
    linkOfTask(taskId: string): Promise<WorkflowTaskLink | null>;
    changeRun(id: string, change: WorkflowRunChange): Promise<StoredWorkflowRun | null>;
    changeStep(runId: string, key: string, change: WorkflowStepChange): Promise<boolean>;
    closeRun(id: string, at: string): Promise<void>;
}
