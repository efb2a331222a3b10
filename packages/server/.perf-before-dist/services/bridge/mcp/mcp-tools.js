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
import { mcpAddCommentArgs, mcpApproveToolUseArgs, mcpCreateSubtaskArgs, mcpMemorySearchArgs, mcpMemoryStoreArgs, mcpRequestHumanInputArgs, } from '@dash/shared';
import { AppError } from '../../../domain/app-error.js';
/** Who an agent's writes are attributed to (comment authors, `createdBy`). */
export const agentActor = (c) => `agent:${c.employeeId ?? c.runId}`;
const tool = (t) => t;
export function createMcpTools(deps) {
    const employeeOf = (c) => {
        if (c.employeeId === null)
            throw new AppError('MCP_RUN_NO_EMPLOYEE', { details: { runId: c.runId } });
        return c.employeeId;
    };
    const ownTask = (c, asked, field) => {
        if (c.taskId === null)
            throw new AppError('MCP_RUN_NO_TASK', { details: { runId: c.runId } });
        if (asked !== undefined && asked !== c.taskId) {
            throw new AppError('MCP_TOKEN_SCOPE', {
                message: `This run may act only on its own task ${c.taskId}`,
                fields: [{ path: field, message: `must be ${c.taskId} (the run's own task)` }],
                details: { runId: c.runId, taskId: c.taskId },
            });
        }
        return c.taskId;
    };
    return [
        tool({
            name: 'memory_search',
            title: 'Search memories',
            description: 'Search your long-term memories and those your department or company shares with you. Returns the best matches first.',
            args: mcpMemorySearchArgs,
            longRunning: false,
            async run(args, c) {
                const result = await deps.memory().search({
                    employeeId: employeeOf(c),
                    query: args.query,
                    options: { topK: args.limit, ...(args.types && { memoryTypes: args.types }) },
                });
                const hits = result.results.map((h) => ({
                    id: h.id,
                    type: h.memory.type,
                    content: h.memory.content,
                    importance: h.memory.importance,
                    tags: h.memory.tags,
                    createdAt: h.memory.createdAt,
                    score: Math.round(h.score * 1000) / 1000,
                }));
                const text = hits.length === 0 ? 'No matching memories.' : hits.map((h, i) => `${i + 1}. [${h.type}] ${h.content}`).join('\n');
                return { text, data: { results: hits, total: result.total } };
            },
        }),
        tool({
            name: 'memory_store',
            title: 'Store a memory',
            description: 'Save something worth remembering for later tasks: an experience, a piece of knowledge or a decision.',
            args: mcpMemoryStoreArgs,
            longRunning: false,
            async run(args, c) {
                const stored = await deps.memory().store({
                    type: args.type,
                    employeeId: employeeOf(c),
                    content: args.content,
                    metadata: {
                        ...(args.importance !== undefined && { importance: args.importance }),
                        ...(args.tags !== undefined && { tags: args.tags }),
                        ...(args.scope !== undefined && { scope: args.scope }),
                        source: { runId: c.runId, taskId: c.taskId },
                    },
                });
                deps.logger.info({ runId: c.runId, memoryId: stored.memoryId }, 'agent stored a memory');
                return { text: `Stored memory ${stored.memoryId}.`, data: { memoryId: stored.memoryId, type: stored.type } };
            },
        }),
        tool({
            name: 'create_subtask',
            title: 'Create a subtask',
            description: 'Delegate part of your task: creates a new task linked to yours, for an employee (assignee), for the least busy active employee of a role (role), or for automatic assignment (neither).',
            args: mcpCreateSubtaskArgs,
            longRunning: false,
            async run(args, c) {
                const parentTaskId = ownTask(c, args.parentTaskId, 'arguments.parentTaskId');
                const tasks = deps.tasks();
                await tasks.get(parentTaskId);
                const assignee = args.role !== undefined ? await leastBusyWithRole(deps.employees, args.role) : (args.assignee ?? null);
                const created = await tasks.create({
                    title: args.title,
                    description: args.description,
                    assignee,
                    ...(args.priority !== undefined && { priority: args.priority }),
                    ...(args.requiredSkills !== undefined && { requiredSkills: args.requiredSkills }),
                }, agentActor(c));
                await deps.links.add({ childTaskId: created.id, parentTaskId, runId: c.runId, employeeId: c.employeeId, createdAt: deps.clock.isoNow() });
                deps.logger.info({ runId: c.runId, parentTaskId, taskId: created.id, assignee }, 'agent created a subtask');
                return {
                    text: `Created subtask ${created.id} (${created.status}${assignee ? `, for ${assignee}` : ', automatic assignment'}) under task ${parentTaskId}.`,
                    data: { taskId: created.id, status: created.status, assignee, parentTaskId },
                };
            },
        }),
        tool({
            name: 'add_comment',
            title: 'Comment on your task',
            description: 'Add a comment to the task you are working on (progress notes, findings, questions for reviewers).',
            args: mcpAddCommentArgs,
            longRunning: false,
            async run(args, c) {
                const taskId = ownTask(c, args.taskId, 'arguments.taskId');
                const comment = await deps.tasks().addComment(taskId, { body: args.body }, agentActor(c));
                return { text: `Comment ${comment.id} added to task ${taskId}.`, data: { commentId: comment.id, taskId } };
            },
        }),
        tool({
            name: 'request_human_input',
            title: 'Ask a person',
            description: 'Ask a person a question and wait for the answer (the run shows "needs input" in the dashboard). Use it when you cannot go on without a decision or information only a person has.',
            args: mcpRequestHumanInputArgs,
            longRunning: true,
            async run(args, c, signal) {
                const outcome = await deps.inputs.ask(c, args.question, signal);
                if (outcome.status === 'answered') {
                    return { text: outcome.answer, data: { status: 'answered', answer: outcome.answer, requestId: outcome.request.id } };
                }
                const why = outcome.status === 'expired' ? 'Nobody answered in time.' : 'The question was cancelled.';
                return { text: `${why} Continue without the answer or stop.`, data: { status: outcome.status, requestId: outcome.request.id } };
            },
        }),
        tool({
            name: 'approve_tool_use',
            title: 'Approve a tool use',
            description: "Claude Code's permission prompt (--permission-prompt-tool): asks a manager in the dashboard to allow or deny a tool call and waits. Called by the CLI, not by the model.",
            args: mcpApproveToolUseArgs,
            longRunning: true,
            async run(args, c, signal) {
                const outcome = await deps.inputs.askApproval(c, { name: args.tool_name, input: args.input, toolUseId: args.tool_use_id ?? null }, signal);
                // The CLI parses the text as JSON and accepts exactly one text block (no structured content).
                const answer = outcome.decision === 'allow'
                    ? { behavior: 'allow', updatedInput: args.input }
                    : { behavior: 'deny', message: outcome.message ?? 'A manager denied this tool use.' };
                return { text: JSON.stringify(answer), data: null };
            },
        }),
    ];
}
/** The active employee of that role with the most free slots (then the lowest load, then the id). */
async function leastBusyWithRole(employees, role) {
    const candidates = (await employees.list())
        .filter((e) => e.role === role && e.status === 'active')
        .sort((a, b) => b.workload.slotsFree - a.workload.slotsFree || a.workload.workloadPercent - b.workload.workloadPercent || a.id.localeCompare(b.id));
    const best = candidates[0];
    if (!best) {
        throw new AppError('BRIDGE_ROLE_UNSTAFFED', {
            message: `No active employee has the role ${role}`,
            fields: [{ path: 'arguments.role', message: 'no active employee has this role' }],
        });
    }
    return best.id;
}
//# sourceMappingURL=mcp-tools.js.map