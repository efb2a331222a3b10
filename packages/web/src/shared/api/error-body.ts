/**
 * Recognises the server's error body (`ApiErrorBody` from @dash/shared).
 * A structural check instead of the shared zod schema: importing zod here would put it (and every
 * shared schema) in the initial bundle, about 27 KB gzipped, for one small and stable shape. The
 * `ApiErrorBody` return type keeps this check tied to the contract at compile time.
 */
import type { ApiErrorBody, FieldIssue } from '@dash/shared';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFieldIssue = (value: unknown): value is FieldIssue =>
  isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';

/** The body as `ApiErrorBody` when it has that shape, else null. Unknown fields are dropped. */
export function readErrorBody(value: unknown): ApiErrorBody | null {
  if (!isRecord(value) || !isRecord(value.error)) return null;
  const { code, message, requestId, fields, details } = value.error;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  // Lenient on `requestId`: a missing id must not hide the code and message from the user.
  const error: ApiErrorBody['error'] = { code, message, requestId: typeof requestId === 'string' ? requestId : '' };
  if (Array.isArray(fields)) error.fields = fields.filter(isFieldIssue);
  if (isRecord(details)) error.details = details;
  return { error };
}
