/**
 * The workflow templates in force: loaded from the templates directory at start, reloaded when
 * its files change (or on `POST /api/workflows/templates/reload`), the way the employee registry
 * is:
 *  - start: an invalid set is a start-up error (WORKFLOW_TEMPLATE_INVALID naming file, phase and
 *    field); a missing directory means no templates (logged), not an error;
 *  - reload: a valid set replaces the templates; an invalid one is logged and kept as `lastError`
 *    while the previous templates stay in force (nothing changes). A later good load clears it.
 * Runs copy their template when they start, so a reload never changes a run in flight.
 */
import type { WorkflowTemplate, WorkflowTemplateIssue, WorkflowTemplatesStatus } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { WorkflowTemplateSource } from '../../ports/workflow-template-source.js';
export interface WorkflowTemplateRegistryDeps {
    source: WorkflowTemplateSource;
    clock: Clock;
    logger: Logger;
    /** Reload when the files change. @default true */
    watch?: boolean;
}
export type TemplateReloadOutcome = {
    ok: true;
    count: number;
} | {
    ok: false;
    issues: WorkflowTemplateIssue[];
};
export declare class WorkflowTemplateRegistry {
    private readonly deps;
    private templates;
    private loadedAt;
    private lastError;
    private watchHandle;
    private chain;
    private stopped;
    constructor(deps: WorkflowTemplateRegistryDeps);
    start(): Promise<void>;
    stop(): Promise<void>;
    /** Re-reads every file; applies the set when valid, else records `lastError` and keeps the templates in force. */
    reload(): Promise<TemplateReloadOutcome>;
    /** `reload()` for the API: the outcome, or WORKFLOW_TEMPLATE_INVALID with the issues (previous templates kept). */
    reloadOrThrow(): Promise<void>;
    list(): WorkflowTemplate[];
    get(id: string): WorkflowTemplate | null;
    require(id: string, path?: string): WorkflowTemplate;
    status(): WorkflowTemplatesStatus;
    private reloadFromWatch;
    private loadAndApply;
}
