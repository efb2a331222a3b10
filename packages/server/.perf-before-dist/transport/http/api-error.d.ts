/**
 * Builds the shared error body (`apiErrorBody`) from a registry code. Every error response the
 * HTTP layer sends goes through here, so they all look alike and carry the request id.
 */
import { type ApiErrorBody, type ErrorCode, type FieldIssue } from '@dash/shared';
export interface ApiErrorOptions {
    message?: string;
    fields?: FieldIssue[];
    details?: Record<string, unknown>;
}
export interface ApiErrorReply {
    status: number;
    body: ApiErrorBody;
}
export declare function apiError(code: ErrorCode, requestId: string, options?: ApiErrorOptions): ApiErrorReply;
