/**
 * The task services validate their own input with the shared schemas (the HTTP layer has already
 * done so for requests; direct callers get the same rules and the same 400 VALIDATION_FAILED with
 * the fields at fault, prefixed like request fields: `body.priority`).
 */
import type { z } from 'zod';
import { AppError } from '../../domain/app-error.js';
import { issuesFrom } from '../../domain/employees/registry-issues.js';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, part = 'body'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('VALIDATION_FAILED', { fields: issuesFrom(parsed.error.issues, [part]) });
}
