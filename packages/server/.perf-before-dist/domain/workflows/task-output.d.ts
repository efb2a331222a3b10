/**
 * What a task's run produced, for the step output and the prompts of the steps after it: the
 * run's final text (cut to WORKFLOW_OUTPUT_TEXT_MAX) and the files its tool calls wrote or edited.
 *
 * Files come from the normalized tool events; a call counts only when its result was not an
 * error. Recognized: Claude Code `Write` (written) and `Edit` / `MultiEdit` / `NotebookEdit`
 * (edited); Codex `apply_patch` changes (`add` written, others edited); Gemini `write_file`
 * (written) and `replace` (edited). The last action on a path wins (written then edited = edited).
 */
import { type AgentEvent, type EmployeeRole, type WorkflowFileChange, type WorkflowTaskOutput } from '@dash/shared';
/** Collects file changes from a run's events, fed page by page. */
export declare class FileChangeCollector {
    private readonly pending;
    private readonly files;
    add(event: AgentEvent): void;
    result(): WorkflowFileChange[];
}
export declare function taskOutputOf(input: {
    taskId: string;
    role: EmployeeRole;
    employeeId: string | null;
    runId: string | null;
    resultText: string | null;
    files: WorkflowFileChange[];
}): WorkflowTaskOutput;
