/**
 * Human input requested by an agent through the MCP tool `request_human_input`: the agent's tool
 * call waits until a person answers (REST below), the run stops, or the request expires. Stored,
 * so a pending question survives a page reload and shows on every replica; changes are published
 * on the `input-requests` live topic (the request as below).
 */
import { z } from 'zod';

export const INPUT_QUESTION_MAX = 4_000;
export const INPUT_ANSWER_MAX = 20_000;

/**
 * `pending`: the agent waits; `answered`: a person answered (the agent got the text);
 * `cancelled`: the run ended first; `expired`: nobody answered within BRIDGE_INPUT_TIMEOUT.
 */
export const inputRequestStatusIds = ['pending', 'answered', 'cancelled', 'expired'] as const;
export const inputRequestStatus = z.enum(inputRequestStatusIds);
export type InputRequestStatus = z.infer<typeof inputRequestStatus>;

/**
 * `question`: request_human_input (answered with text). `tool_approval`: a Claude Code permission
 * prompt (MCP `approve_tool_use`, docs/workspaces-and-approvals.md), decided allow or deny; an
 * expired or cancelled approval is a denial.
 */
export const inputRequestKinds = ['question', 'tool_approval'] as const;
export const inputRequestKind = z.enum(inputRequestKinds);
export type InputRequestKind = z.infer<typeof inputRequestKind>;

export const toolApprovalDecisions = ['allow', 'deny'] as const;
export const toolApprovalDecision = z.enum(toolApprovalDecisions);
export type ToolApprovalDecision = z.infer<typeof toolApprovalDecision>;

/** The tool call an approval is about (the input as the agent asked for it). */
export const approvalTool = z.object({
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  toolUseId: z.string().nullable(),
});
export type ApprovalTool = z.infer<typeof approvalTool>;

export const inputRequest = z.object({
  id: z.string(),
  runId: z.string(),
  taskId: z.string().nullable(),
  employeeId: z.string().nullable(),
  question: z.string(),
  status: inputRequestStatus,
  answer: z.string().nullable(),
  /** Who answered (user id), or null. */
  answeredBy: z.string().nullable(),
  createdAt: z.string(),
  /** When the agent stops waiting if nobody answers. */
  expiresAt: z.string(),
  /** When it stopped being pending. */
  closedAt: z.string().nullable(),
  kind: inputRequestKind,
  /** The tool call to approve (kind `tool_approval`), else null. */
  tool: approvalTool.nullable(),
  /** The person's decision on a tool approval (null while pending, on expiry, and for questions). */
  decision: toolApprovalDecision.nullable(),
});
export type InputRequest = z.infer<typeof inputRequest>;

export const inputRequestList = z.object({ items: z.array(inputRequest) });
export type InputRequestList = z.infer<typeof inputRequestList>;

export const runInputParams = z.object({ runId: z.string().min(1).max(100) }).strict();
export const inputRequestParams = z.object({ runId: z.string().min(1).max(100), requestId: z.string().min(1).max(100) }).strict();

/** `GET /api/bridge/input-requests`: newest first; `status` defaults to every status. */
export const listInputRequestsQuery = z
  .object({
    status: inputRequestStatus.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListInputRequestsQuery = z.infer<typeof listInputRequestsQuery>;

export const answerInputBody = z.object({ answer: z.string().trim().min(1).max(INPUT_ANSWER_MAX) }).strict();
export type AnswerInputBody = z.infer<typeof answerInputBody>;

/** `POST …/input-requests/:requestId/decision` (tool approvals): allow or deny, with an optional note for the agent. */
export const decideApprovalBody = z
  .object({
    decision: toolApprovalDecision,
    message: z.string().trim().min(1).max(INPUT_ANSWER_MAX).optional(),
  })
  .strict();
export type DecideApprovalBody = z.infer<typeof decideApprovalBody>;
