import { AppError } from '../../../domain/app-error.js';
import { actorName } from '../../../domain/auth/principal.js';
import '../auth/access-types.js';
export function principalOf(request) {
    const principal = request.principal;
    if (principal === null)
        throw new AppError('UNAUTHENTICATED');
    return principal;
}
export const actorOf = (request) => actorName(principalOf(request));
/** Where the request came from (sessions and the audit log). */
export const clientOf = (request) => {
    const agent = request.headers['user-agent'];
    return { ip: request.ip ?? null, userAgent: typeof agent === 'string' && agent !== '' ? agent : null };
};
//# sourceMappingURL=actor.js.map