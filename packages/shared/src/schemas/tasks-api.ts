/**
 * REST shapes around tasks that are not the task itself: cancel, sub-resource lists (comments,
 * timeline, runs) and the tombstone the `tasks` live topic carries when a task is deleted.
 */
import { z } from 'zod';
import { taskComment, taskTimelineEntry } from './tasks.js';

export const TASK_CANCEL_REASON_MAX = 2000;

/** `POST /api/tasks/:id/cancel`: the body is optional; a reason goes into the timeline. */
export const cancelTaskBody = z
  .object({ reason: z.string().trim().min(1).max(TASK_CANCEL_REASON_MAX).optional() })
  .strict();
export type CancelTaskBody = z.infer<typeof cancelTaskBody>;

export const taskCommentList = z.object({ items: z.array(taskComment) });
export type TaskCommentList = z.infer<typeof taskCommentList>;

/** Oldest first: who changed the status, when and why. */
export const taskTimeline = z.object({ items: z.array(taskTimelineEntry) });
export type TaskTimeline = z.infer<typeof taskTimeline>;

/** `GET /api/tasks/:id/runs`: newest first, keyset pages like `GET /api/runs`. */
export const taskRunsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type TaskRunsQuery = z.infer<typeof taskRunsQuery>;

/** Published on the `tasks` live topic when a task is deleted (every other change carries the task). */
export const taskTombstone = z.object({ id: z.string(), deleted: z.literal(true) });
export type TaskTombstone = z.infer<typeof taskTombstone>;
