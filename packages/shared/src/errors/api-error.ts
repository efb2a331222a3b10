/** The JSON body of every error response. */
import { z } from 'zod';

export const fieldIssue = z.object({
  /** Dotted path of the field at fault (`body.priority`, `query.limit`, `params.id`). */
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssue>;

export const apiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Correlates the response with server logs. */
    requestId: z.string(),
    fields: z.array(fieldIssue).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
