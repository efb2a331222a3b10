import type { WorkflowTemplateFileText, WorkflowTemplateSource, WorkflowTemplateWatch } from '../../ports/workflow-template-source.js';
export declare class FileWorkflowTemplateSource implements WorkflowTemplateSource {
    readonly location: string;
    private readonly debounceMs;
    constructor(options: {
        dir: string;
        debounceMs?: number;
    });
    readAll(): Promise<WorkflowTemplateFileText[] | null>;
    watch(onChange: () => void, onError: (err: unknown) => void): WorkflowTemplateWatch;
}
