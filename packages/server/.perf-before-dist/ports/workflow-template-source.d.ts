/**
 * Where workflow templates come from: the `*.json` files of a directory (by default
 * `ai-employees/workflows/`). The template registry reads and watches through this port, so it
 * stays testable and free of node:fs.
 */
export interface WorkflowTemplateFileText {
    /** File name inside the directory, e.g. `bug-fix.json`. */
    name: string;
    text: string;
}
export interface WorkflowTemplateWatch {
    close(): void;
}
export interface WorkflowTemplateSource {
    /** The directory's absolute path, for status and logs. */
    readonly location: string;
    /** Every `*.json` file, sorted by name; null when the directory does not exist. */
    readAll(): Promise<WorkflowTemplateFileText[] | null>;
    /** Calls `onChange` after changes settle (debounced); events are hints, the reader re-reads. */
    watch(onChange: () => void, onError: (err: unknown) => void): WorkflowTemplateWatch;
}
