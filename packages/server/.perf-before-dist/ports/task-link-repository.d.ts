/** Subtasks created by a run (MCP `create_subtask`) and the task they were created for. */
export interface TaskLink {
    childTaskId: string;
    parentTaskId: string;
    runId: string | null;
    employeeId: string | null;
    /** ISO 8601. */
    createdAt: string;
}
export interface TaskLinkRepository {
    add(link: TaskLink): Promise<void>;
    /** Oldest first. */
    children(parentTaskId: string): Promise<TaskLink[]>;
    parent(childTaskId: string): Promise<TaskLink | null>;
}
