/**
 * The MCP tools the dashboard offers every agent it spawns (server name `dashboard`, so Claude Code
 * sees them as `mcp__dashboard__<tool>`): their argument schemas, published to the agent as JSON
 * Schema by `tools/list`. Every tool acts for the run the token belongs to: its employee, its task.
 */
import { z } from 'zod';
import { employeeId, employeeRole } from './employees.js';
import { memoryImportance, memoryScope, memoryTags, memoryType, MEMORY_QUERY_MAX_CHARS, storedMemoryTypes } from './memory.js';
import { INPUT_QUESTION_MAX } from './bridge-input.js';
import { taskDescription, taskId, taskPriority, taskRequiredSkills, taskTitle, TASK_COMMENT_MAX } from './tasks.js';

/** The MCP server's name in the agent's config; tools appear as `mcp__dashboard__<name>`. */
export const MCP_SERVER_NAME = 'dashboard';

export const mcpMemorySearchArgs = z
  .object({
    query: z.string().trim().min(1).max(MEMORY_QUERY_MAX_CHARS).describe('What to look for in your memories and those shared with you'),
    limit: z.number().int().min(1).max(20).default(5).describe('Most results to return'),
    types: z.array(memoryType).min(1).optional().describe('Only these memory types'),
  })
  .strict();

export const mcpMemoryStoreArgs = z
  .object({
    type: z.enum(storedMemoryTypes).describe('experience: what happened and what worked; knowledge: a fact worth keeping; decision: a choice and why'),
    content: z.string().trim().min(1).describe('The memory itself, self-contained'),
    importance: memoryImportance.optional().describe('0-10: 1-3 minor, 4-6 useful, 7-8 important, 9-10 critical'),
    tags: memoryTags.optional(),
    scope: memoryScope.optional().describe('private (default), department or company'),
  })
  .strict();

export const mcpCreateSubtaskArgs = z
  .object({
    title: taskTitle,
    description: taskDescription,
    /** Hand it to this employee … */
    assignee: employeeId.optional().describe('Delegate to this employee (id such as emp_004)'),
    /** … or to the least busy active employee with this role. Neither: automatic assignment. */
    role: employeeRole.optional().describe('Delegate to the least busy active employee with this role'),
    priority: taskPriority.optional(),
    requiredSkills: taskRequiredSkills.optional(),
    /** Must be your own task when given (the subtask always links to it). */
    parentTaskId: taskId.optional().describe('Your own task id (optional; the subtask always links to your task)'),
  })
  .strict()
  .refine((a) => a.assignee === undefined || a.role === undefined, { message: 'give assignee or role, not both', path: ['role'] });

export const mcpAddCommentArgs = z
  .object({
    body: z.string().trim().min(1).max(TASK_COMMENT_MAX).describe('The comment (Markdown)'),
    taskId: taskId.optional().describe('Your own task id (optional)'),
  })
  .strict();

export const mcpRequestHumanInputArgs = z
  .object({
    question: z.string().trim().min(1).max(INPUT_QUESTION_MAX).describe('What you need a person to answer; you wait until they do'),
  })
  .strict();

/**
 * Claude Code's `--permission-prompt-tool` contract (CLI 2.1.332): called with the tool the model
 * wants to use and its input; answers (as text JSON) `{"behavior":"allow","updatedInput":{…}}` or
 * `{"behavior":"deny","message":"…"}`. Not strict: the CLI may send more fields.
 */
export const mcpApproveToolUseArgs = z.object({
  tool_name: z.string().min(1).max(500),
  input: z.record(z.string(), z.unknown()),
  tool_use_id: z.string().max(500).optional(),
});

/** The full name Claude Code gets in `--permission-prompt-tool`. */
export const APPROVAL_TOOL_FULL_NAME = `mcp__${'dashboard'}__approve_tool_use` as const;

export const mcpToolNames = ['memory_search', 'memory_store', 'create_subtask', 'add_comment', 'request_human_input', 'approve_tool_use'] as const;
export type McpToolName = (typeof mcpToolNames)[number];

/** A subtask an agent created (create_subtask) and the task it was created for. */
export const taskLink = z.object({
  childTaskId: z.string(),
  parentTaskId: z.string(),
  /** The run that created it. */
  runId: z.string().nullable(),
  employeeId: z.string().nullable(),
  createdAt: z.string(),
});
export type TaskLinkView = z.infer<typeof taskLink>;

/** `GET /api/bridge/tasks/:taskId/links`: the task's parent (if an agent created it) and its subtasks. */
export const taskLinks = z.object({ parent: taskLink.nullable(), children: z.array(taskLink) });
export type TaskLinks = z.infer<typeof taskLinks>;
