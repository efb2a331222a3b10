/**
 * The one error type domain code throws. It carries a stable code from the shared registry;
 * the transport maps the code to an HTTP status. Domain code never throws HTTP errors.
 */
import { errorCodes } from '@dash/shared';
export class AppError extends Error {
    code;
    fields;
    details;
    constructor(code, options = {}) {
        super(options.message ?? errorCodes[code].message, { cause: options.cause });
        this.name = 'AppError';
        this.code = code;
        this.fields = options.fields;
        this.details = options.details;
    }
    get status() {
        return errorCodes[this.code].status;
    }
    get retryable() {
        return errorCodes[this.code].retryable;
    }
}
export const isAppError = (err) => err instanceof AppError;
//# sourceMappingURL=app-error.js.map