/**
 * The one error type domain code throws. It carries a stable code from the shared registry;
 * the transport maps the code to an HTTP status. Domain code never throws HTTP errors.
 */
import { errorCodes, type ErrorCode, type FieldIssue } from '@dash/shared';

export interface AppErrorOptions {
  message?: string;
  fields?: FieldIssue[];
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? errorCodes[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  get retryable(): boolean {
    return errorCodes[this.code].retryable;
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
