/**
 * Builds the shared error body (`apiErrorBody`) from a registry code. Every error response the
 * HTTP layer sends goes through here, so they all look alike and carry the request id.
 */
import { errorCodes } from '@dash/shared';
export function apiError(code, requestId, options = {}) {
    const error = { code, message: options.message ?? errorCodes[code].message, requestId };
    if (options.fields !== undefined)
        error.fields = options.fields;
    if (options.details !== undefined)
        error.details = options.details;
    return { status: errorCodes[code].status, body: { error } };
}
//# sourceMappingURL=api-error.js.map