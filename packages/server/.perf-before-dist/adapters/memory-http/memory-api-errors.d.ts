import { AppError } from '../../domain/app-error.js';
/** The memory API could not be reached or did not answer in time. */
export declare function memoryUnavailable(baseUrl: string, err: unknown, timeoutMs: number): AppError;
/** The AppError for a non-2xx answer from the memory API. */
export declare function memoryApiError(baseUrl: string, status: number, text: string): AppError;
