/** Exponential backoff of webhook retries: base × 2^(attempt-1), capped at one hour. */
const CAP_MS = 3_600_000;
export const webhookRetryDelayMs = (baseMs, attemptsMade) => Math.min(CAP_MS, baseMs * 2 ** Math.max(0, attemptsMade - 1));
/** 2xx is delivered; 408, 425, 429 and 5xx are worth retrying; other statuses are final. */
export function deliveryVerdict(status) {
    if (status >= 200 && status < 300)
        return 'delivered';
    if (status === 408 || status === 425 || status === 429 || status >= 500)
        return 'retry';
    return 'final';
}
//# sourceMappingURL=retry-delay.js.map