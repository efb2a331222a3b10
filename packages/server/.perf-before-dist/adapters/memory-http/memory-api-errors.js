/**
 * Turning what the memory API answered (or failed to) back into AppErrors with the registry's
 * codes, for the HTTP adapter and the /api/memory proxy: an error body with a known code keeps
 * its code, message, fields and details; no answer, a timeout, or a 5xx that is not ours is
 * 503 MEMORY_UNAVAILABLE.
 */
import { apiErrorBody, isErrorCode } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
/** The memory API could not be reached or did not answer in time. */
export function memoryUnavailable(baseUrl, err, timeoutMs) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    const reason = timedOut ? `no answer within ${timeoutMs}ms` : causeOf(err);
    return new AppError('MEMORY_UNAVAILABLE', {
        message: `The memory service at ${baseUrl} cannot be reached: ${reason}`,
        details: { memoryApiUrl: baseUrl },
        cause: err,
    });
}
/** The AppError for a non-2xx answer from the memory API. */
export function memoryApiError(baseUrl, status, text) {
    let parsed = null;
    try {
        parsed = apiErrorBody.safeParse(JSON.parse(text));
    }
    catch {
        parsed = null;
    }
    if (parsed?.success && isErrorCode(parsed.data.error.code)) {
        const { code, message, fields, details } = parsed.data.error;
        return new AppError(code, { message, fields, details: { ...details, memoryRequestId: parsed.data.error.requestId } });
    }
    return new AppError(status >= 500 ? 'MEMORY_UNAVAILABLE' : 'INTERNAL_ERROR', {
        message: `The memory service at ${baseUrl} answered HTTP ${status} without a known error code`,
        details: { memoryApiUrl: baseUrl, status },
    });
}
/** fetch() wraps the socket error in `cause` ("fetch failed" says nothing). */
function causeOf(err) {
    if (!(err instanceof Error))
        return String(err);
    const cause = err.cause;
    if (cause instanceof Error)
        return cause.code ?? cause.message;
    return err.message;
}
//# sourceMappingURL=memory-api-errors.js.map