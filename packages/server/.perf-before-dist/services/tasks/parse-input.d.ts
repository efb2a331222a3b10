/**
 * The task services validate their own input with the shared schemas (the HTTP layer has already
 * done so for requests; direct callers get the same rules and the same 400 VALIDATION_FAILED with
 * the fields at fault, prefixed like request fields: `body.priority`).
 */
import type { z } from 'zod';
export declare function parseInput<S extends z.ZodType>(schema: S, input: unknown, part?: string): z.output<S>;
