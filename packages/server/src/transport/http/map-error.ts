/**
 * Maps anything a route or Fastify throws to a status and the shared error body:
 *  - AppError → its code's status, message, fields and details;
 *  - request validation (zod) → 400 VALIDATION_FAILED with `fields` (`body.priority`, `query.limit`);
 *  - body parsing → 400 BAD_JSON, 413 PAYLOAD_TOO_LARGE, 415 UNSUPPORTED_MEDIA_TYPE;
 *  - other Fastify client errors → the matching 4xx code;
 *  - the store's disk is full (SQLite SQLITE_FULL, PostgreSQL 53100 disk_full, ENOSPC), also as
 *    the cause of an AppError such as STORE_UNAVAILABLE → 507 STORE_FULL (logged as a fault);
 *  - everything else → 500 INTERNAL_ERROR with no message or stack from the error (log it).
 * `expose` is false when the error must be logged as a server fault.
 */
import type { ErrorCode, FieldIssue } from '@dash/shared';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError } from '../../domain/app-error.js';
import { apiError, type ApiErrorReply } from './api-error.js';

export interface MappedError extends ApiErrorReply {
  /** True for faults of the server (5xx): log them with the stack. */
  serverFault: boolean;
}

/** Fastify's names for the request parts, as our `fields[].path` prefixes. */
const PART: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  validationContext?: unknown;
}

/** Error codes that mean "no disk space" in the drivers the store uses. */
const DISK_FULL_CODES = new Set(['SQLITE_FULL', '53100', 'ENOSPC']);

function isDiskFull(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 3) return false;
  const { code, cause } = err as { code?: unknown; cause?: unknown };
  return (typeof code === 'string' && DISK_FULL_CODES.has(code)) || isDiskFull(cause, depth + 1);
}

export function mapError(err: unknown, requestId: string): MappedError {
  if (isDiskFull(err)) return { ...apiError('STORE_FULL', requestId), serverFault: true };
  if (isAppError(err)) {
    const mapped = apiError(err.code, requestId, { message: err.message, fields: err.fields, details: err.details });
    return { ...mapped, serverFault: mapped.status >= 500 };
  }

  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = PART[String((err as FastifyLikeError).validationContext)] ?? 'request';
    const fields: FieldIssue[] = err.validation.map((issue) => {
      const path = issue.instancePath.split('/').filter((segment) => segment !== '');
      return { path: [part, ...path].join('.'), message: issue.message ?? 'invalid' };
    });
    return { ...apiError('VALIDATION_FAILED', requestId, { fields }), serverFault: false };
  }

  if (typeof err === 'object' && err !== null) {
    const { code, statusCode } = err as FastifyLikeError;
    const known = typeof code === 'string' ? FASTIFY_CODES[code] : undefined;
    if (known !== undefined) return { ...apiError(known, requestId), serverFault: false };
    // Fastify marks client errors (bad URL, bad content length, ...) with a 4xx statusCode.
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return { ...apiError(STATUS_CODES[statusCode] ?? 'VALIDATION_FAILED', requestId), serverFault: false };
    }
  }

  return { ...apiError('INTERNAL_ERROR', requestId), serverFault: true };
}
