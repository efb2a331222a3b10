import type { FastifyRequest } from 'fastify';
export type PresentedCredential = {
    kind: 'token';
    value: string;
} | {
    kind: 'session';
    value: string;
} | {
    kind: 'malformed';
} | null;
export declare function presentedCredential(request: FastifyRequest): PresentedCredential;
/** The named cookie's value from a Cookie header, or null. */
export declare function cookieValue(header: string | undefined, name: string): string | null;
export interface SessionCookieOptions {
    secure: boolean;
}
/** Set-Cookie for a new session (no Max-Age: the server ends it; the browser drops it on quit). */
export declare function sessionCookie(token: string, options: SessionCookieOptions): string;
export declare function clearedSessionCookie(options: SessionCookieOptions): string;
