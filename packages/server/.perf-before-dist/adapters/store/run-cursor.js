/**
 * Opaque keyset cursor for run lists ordered by (created_at desc, id desc): base64url of the last
 * row's key. Clients must treat it as opaque; a cursor that does not decode is a validation error.
 */
import { AppError } from '../../domain/app-error.js';
export const encodeRunCursor = (cursor) => Buffer.from(JSON.stringify([cursor.createdAt, cursor.id]), 'utf8').toString('base64url');
export function decodeRunCursor(value) {
    try {
        const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
        if (Array.isArray(parsed) && parsed.length === 2) {
            const [createdAt, id] = parsed;
            if (typeof createdAt === 'string' && typeof id === 'string')
                return { createdAt, id };
        }
    }
    catch {
        // fall through to the validation error below
    }
    throw new AppError('VALIDATION_FAILED', {
        message: 'Invalid cursor',
        fields: [{ path: 'query.cursor', message: 'not a cursor returned by a previous page' }],
    });
}
//# sourceMappingURL=run-cursor.js.map