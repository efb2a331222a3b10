/**
 * The tools behind the MCP endpoint (argument schemas in @dash/shared bridge-mcp.ts). Each call
 * acts for the run its token belongs to, and only for it:
 *  - memory_search / memory_store: as the run's employee (MCP_RUN_NO_EMPLOYEE without one);
 *    stored memories name the run and task as their source;
 *  - create_subtask: a new task linked to the run's task (MCP_RUN_NO_TASK without one),
 *    delegated to an employee, to the least busy active employee of a role, or left to automatic
 *    assignment; `parentTaskId`, when given, must be the run's own task (MCP_TOKEN_SCOPE);
 *  - add_comment: on the run's own task (another `taskId` is MCP_TOKEN_SCOPE);
 *  - request_human_input: waits for a person's answer (see InputRequestService);
 *  - approve_tool_use: Claude Code's --permission-prompt-tool; waits for a manager's allow/deny
 *    and answers in the CLI's contract (text JSON {behavior: allow, updatedInput} | {behavior: deny, message}).
 * Every check runs before the first write, so a refused call changes nothing. Errors are AppErrors
 * with the registry's codes; the MCP transport turns them into tool results with `isError`.
 */
import { type EmployeeView, type McpToolName, type Task, type TaskComment } from '@dash/shared';
import type { z } from 'zod';
import type { Clock } from '../../../ports/clock.js';
import type { Logger } from '../../../ports/logger.js';
import type { MemoryApi } from '../../../ports/memory-api.js';
import type { TaskLinkRepository } from '../../../ports/task-link-repository.js';
import type { InputRequestService } from '../input/input-request-service.js';
import type { RunCapability } from './run-token-service.js';
export interface McpToolsDeps {
    memory: () => MemoryApi;
    tasks: () => {
        create(input: unknown, actor: string): Promise<Task>;
        get(id: string): Promise<Task>;
        addComment(id: string, input: unknown, actor: string): Promise<TaskComment>;
    };
    employees: {
        list(): Promise<EmployeeView[]>;
    };
    links: TaskLinkRepository;
    inputs: InputRequestService;
    clock: Clock;
    logger: Logger;
}
/**
 * What a tool answers: a short text for the model and the same facts as structured content (null:
 * the text only — Claude Code refuses a permission-prompt answer with structured content).
 */
export interface ToolOutput {
    text: string;
    data: Record<string, unknown> | null;
}
export interface McpTool<S extends z.ZodType = z.ZodType> {
    name: McpToolName;
    title: string;
    description: string;
    args: S;
    /** May wait long (a human): the transport streams progress while it runs. */
    longRunning: boolean;
    run(args: z.output<S>, capability: RunCapability, signal: AbortSignal): Promise<ToolOutput>;
}
/** Who an agent's writes are attributed to (comment authors, `createdBy`). */
export declare const agentActor: (c: RunCapability) => string;
export declare function createMcpTools(deps: McpToolsDeps): McpTool[];
