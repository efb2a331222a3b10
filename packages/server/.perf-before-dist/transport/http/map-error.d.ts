import { type ApiErrorReply } from './api-error.js';
export interface MappedError extends ApiErrorReply {
    /** True for faults of the server (5xx): log them with the stack. */
    serverFault: boolean;
}
export declare function mapError(err: unknown, requestId: string): MappedError;
