/** Reading credentials off a request: `Authorization: Bearer …` or the session cookie. */
import { SESSION_COOKIE } from '@dash/shared';
const MAX_CREDENTIAL_LENGTH = 512;
export function presentedCredential(request) {
    const header = request.headers.authorization;
    if (header !== undefined) {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
        if (match?.[1] === undefined || match[1].length > MAX_CREDENTIAL_LENGTH)
            return { kind: 'malformed' };
        return { kind: 'token', value: match[1] };
    }
    const session = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (session === null)
        return null;
    if (session.length === 0 || session.length > MAX_CREDENTIAL_LENGTH)
        return { kind: 'malformed' };
    return { kind: 'session', value: session };
}
/** The named cookie's value from a Cookie header, or null. */
export function cookieValue(header, name) {
    if (header === undefined)
        return null;
    for (const part of header.split(';')) {
        const eq = part.indexOf('=');
        if (eq === -1)
            continue;
        if (part.slice(0, eq).trim() !== name)
            continue;
        return part.slice(eq + 1).trim();
    }
    return null;
}
/** Set-Cookie for a new session (no Max-Age: the server ends it; the browser drops it on quit). */
export function sessionCookie(token, options) {
    return [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', ...(options.secure ? ['Secure'] : [])].join('; ');
}
export function clearedSessionCookie(options) {
    return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0', ...(options.secure ? ['Secure'] : [])].join('; ');
}
//# sourceMappingURL=request-credentials.js.map