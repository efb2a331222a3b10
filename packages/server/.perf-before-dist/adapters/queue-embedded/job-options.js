/**
 * The JobQueue rules both adapters share (the BullMQ adapter imports this module too), so they
 * cannot drift: enqueue defaults and validation, the retry backoff formula, finished-job retention.
 */
import { AppError } from '../../domain/app-error.js';
export const MIN_PRIORITY = 0;
export const MAX_PRIORITY = 1000;
export const DEFAULT_BACKOFF_MS = 1000;
/** Upper bound of one retry delay, however many attempts came before. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
export const DEFAULT_RETENTION = {
    completed: { maxAgeMs: 60 * 60 * 1000, maxCount: 1000 },
    failed: { maxAgeMs: 7 * 24 * 60 * 60 * 1000, maxCount: 10_000 },
};
/** Applies the port's defaults; a value out of range is a programming error (VALIDATION_FAILED). */
export function normalizeEnqueue(options) {
    const { id, payload, priority, delayMs = 0, maxAttempts = 1, backoffMs = DEFAULT_BACKOFF_MS } = options;
    const issues = [];
    if (typeof id !== 'string' || id.length === 0)
        issues.push({ path: 'id', message: 'must be a non-empty string' });
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
        issues.push({ path: 'payload', message: 'must be a JSON object' });
    }
    if (!Number.isInteger(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
        issues.push({ path: 'priority', message: `must be an integer in ${MIN_PRIORITY}..${MAX_PRIORITY}` });
    }
    if (!Number.isInteger(delayMs) || delayMs < 0)
        issues.push({ path: 'delayMs', message: 'must be an integer >= 0' });
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
        issues.push({ path: 'maxAttempts', message: 'must be an integer >= 1' });
    if (!Number.isInteger(backoffMs) || backoffMs < 0)
        issues.push({ path: 'backoffMs', message: 'must be an integer >= 0' });
    if (issues.length > 0) {
        throw new AppError('VALIDATION_FAILED', { message: 'Invalid job options', fields: issues, details: { jobId: id } });
    }
    return { id, payload, priority, delayMs, maxAttempts, backoffMs };
}
/** A lease is a positive whole number of milliseconds. */
export function assertLeaseMs(leaseMs) {
    if (!Number.isInteger(leaseMs) || leaseMs <= 0) {
        throw new AppError('VALIDATION_FAILED', {
            message: 'Invalid lease',
            fields: [{ path: 'leaseMs', message: 'must be an integer > 0' }],
        });
    }
}
/** Delay before the retry that follows failed attempt `attempt` (1-based): backoffMs * 2^(attempt-1), capped. */
export function retryDelayMs(backoffMs, attempt) {
    const exponent = Math.max(0, attempt - 1);
    return Math.min(MAX_RETRY_DELAY_MS, Math.round(backoffMs * 2 ** exponent));
}
//# sourceMappingURL=job-options.js.map