/**
 * Request ids correlate a response with its log lines. An incoming `x-request-id` (from a proxy
 * or the web client) is honoured when it is short and plain; anything else is replaced, so
 * callers cannot inject log noise or huge values.
 */
import { randomUUID } from 'node:crypto';
export const REQUEST_ID_HEADER = 'x-request-id';
const SANE = /^[\w.:-]{1,128}$/;
export function requestIdFrom(header) {
    const value = Array.isArray(header) ? header[0] : header;
    return value !== undefined && SANE.test(value) ? value : randomUUID();
}
//# sourceMappingURL=request-id.js.map