/**
 * Notifications: only the transitions that need a human, never every event. The same rules decide
 * the webhooks (NOTIFY_WEBHOOK_URLS, server) and the browser notifications (web), from the live
 * feed's messages: a task failed for good, a task completed (its result waits for review), an
 * agent asks a question, a tool use or a workflow step waits for approval.
 */
import { z } from 'zod';

export const notificationEventIds = ['task.failed', 'task.completed', 'input.requested', 'approval.requested'] as const;
export const notificationEvent = z.enum(notificationEventIds);
export type NotificationEvent = z.infer<typeof notificationEvent>;

export const notification = z.object({
  /** Stable per transition: the same transition seen twice (replicas, reconnects) has the same key. */
  key: z.string(),
  event: notificationEvent,
  title: z.string(),
  body: z.string(),
  /** Path in the web app that shows it, e.g. `/tasks/<id>`. */
  link: z.string(),
  subject: z.record(z.string(), z.unknown()),
});
export type Notification = z.infer<typeof notification>;

/** The webhook body: the notification and when it was sent. */
export const notificationWebhookBody = notification.extend({ sentAt: z.string() });
export type NotificationWebhookBody = z.infer<typeof notificationWebhookBody>;

interface TaskLike {
  id: string;
  title: string;
  status: string;
  version: number;
  assignedTo?: string | null;
}
interface InputRequestLike {
  id: string;
  status: string;
  kind: string;
  question: string;
  taskId: string | null;
  runId: string;
  employeeId: string | null;
  tool?: { name?: string } | null;
}
interface WorkflowRunLike {
  id: string;
  title: string;
  status: string;
  updatedAt: string;
  steps?: ReadonlyArray<{ key: string; status: string }>;
}

const clip = (text: string, max = 200): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The notification a live-feed message (topic + payload) calls for, or null (most messages). */
export function notificationFor(topic: string, payload: unknown): Notification | null {
  if (!isObject(payload)) return null;
  if (topic === 'tasks' && typeof payload['status'] === 'string' && typeof payload['id'] === 'string') {
    const task = payload as unknown as TaskLike;
    if (task.status !== 'failed' && task.status !== 'completed') return null;
    const failed = task.status === 'failed';
    return {
      key: `task:${task.id}:${task.status}:${task.version}`,
      event: failed ? 'task.failed' : 'task.completed',
      title: failed ? `Task failed: ${clip(task.title, 80)}` : `Ready for review: ${clip(task.title, 80)}`,
      body: failed ? 'It has no attempts left and needs a decision.' : 'Its run succeeded; review the result.',
      link: `/tasks/${task.id}`,
      subject: { taskId: task.id, status: task.status, employeeId: task.assignedTo ?? null },
    };
  }
  if (topic === 'input-requests' && typeof payload['kind'] === 'string') {
    const request = payload as unknown as InputRequestLike;
    if (request.status !== 'pending') return null;
    const approval = request.kind === 'tool_approval';
    return {
      key: `input:${request.id}`,
      event: approval ? 'approval.requested' : 'input.requested',
      title: approval ? `Approval needed: ${request.tool?.name ?? 'a tool use'}` : 'An agent needs your input',
      body: clip(request.question),
      link: request.taskId === null ? `/runs/${request.runId}` : `/tasks/${request.taskId}`,
      subject: { requestId: request.id, taskId: request.taskId, runId: request.runId, employeeId: request.employeeId },
    };
  }
  if (topic === 'workflows' && typeof payload['status'] === 'string' && typeof payload['title'] === 'string') {
    const run = payload as unknown as WorkflowRunLike;
    if (run.status !== 'awaiting_approval') return null;
    const waiting = (run.steps ?? []).filter((s) => s.status === 'awaiting_approval').map((s) => s.key);
    return {
      key: `workflow:${run.id}:${waiting.join(',')}`,
      event: 'approval.requested',
      title: `Workflow step waits for approval: ${clip(run.title, 80)}`,
      body: waiting.length > 0 ? `Step ${waiting.join(', ')} is done and needs your approval.` : 'A step needs your approval.',
      link: `/workflows/${run.id}`,
      subject: { workflowRunId: run.id, steps: waiting },
    };
  }
  return null;
}
