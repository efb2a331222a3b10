import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError } from '../../domain/app-error.js';
import { apiError } from './api-error.js';
/** Fastify's names for the request parts, as our `fields[].path` prefixes. */
const PART = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };
const FASTIFY_CODES = {
    FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_JSON',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_JSON',
    FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};
const STATUS_CODES = {
    400: 'VALIDATION_FAILED',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
};
/** Error codes that mean "no disk space" in the drivers the store uses. */
const DISK_FULL_CODES = new Set(['SQLITE_FULL', '53100', 'ENOSPC']);
function isDiskFull(err, depth = 0) {
    if (typeof err !== 'object' || err === null || depth > 3)
        return false;
    const { code, cause } = err;
    return (typeof code === 'string' && DISK_FULL_CODES.has(code)) || isDiskFull(cause, depth + 1);
}
export function mapError(err, requestId) {
    if (isDiskFull(err))
        return { ...apiError('STORE_FULL', requestId), serverFault: true };
    if (isAppError(err)) {
        const mapped = apiError(err.code, requestId, { message: err.message, fields: err.fields, details: err.details });
        return { ...mapped, serverFault: mapped.status >= 500 };
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
        const part = PART[String(err.validationContext)] ?? 'request';
        const fields = err.validation.map((issue) => {
            const path = issue.instancePath.split('/').filter((segment) => segment !== '');
            return { path: [part, ...path].join('.'), message: issue.message ?? 'invalid' };
        });
        return { ...apiError('VALIDATION_FAILED', requestId, { fields }), serverFault: false };
    }
    if (typeof err === 'object' && err !== null) {
        const { code, statusCode } = err;
        const known = typeof code === 'string' ? FASTIFY_CODES[code] : undefined;
        if (known !== undefined)
            return { ...apiError(known, requestId), serverFault: false };
        // Fastify marks client errors (bad URL, bad content length, ...) with a 4xx statusCode.
        if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
            return { ...apiError(STATUS_CODES[statusCode] ?? 'VALIDATION_FAILED', requestId), serverFault: false };
        }
    }
    return { ...apiError('INTERNAL_ERROR', requestId), serverFault: true };
}
//# sourceMappingURL=map-error.js.map