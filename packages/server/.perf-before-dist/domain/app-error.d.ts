/**
 * The one error type domain code throws. It carries a stable code from the shared registry;
 * the transport maps the code to an HTTP status. Domain code never throws HTTP errors.
 */
import { type ErrorCode, type FieldIssue } from '@dash/shared';
export interface AppErrorOptions {
    message?: string;
    fields?: FieldIssue[];
    details?: Record<string, unknown>;
    cause?: unknown;
}
export declare class AppError extends Error {
    readonly code: ErrorCode;
    readonly fields: FieldIssue[] | undefined;
    readonly details: Record<string, unknown> | undefined;
    constructor(code: ErrorCode, options?: AppErrorOptions);
    get status(): number;
    get retryable(): boolean;
}
export declare const isAppError: (err: unknown) => err is AppError;
