/**
 * The one gate every request passes after the lifecycle gate (see http-server.ts):
 *
 *  1. rate limit by route class and address (429 RATE_LIMITED);
 *  2. credentials: `Authorization: Bearer <API token>` or the session cookie, resolved through the
 *     store on every request (so a revoked session is refused at once, on every replica);
 *  3. the route's declared access: `public`, or a role (401 UNAUTHENTICATED without credentials,
 *     401 AUTH_CREDENTIALS_INVALID with an unknown/expired/revoked one, 403 FORBIDDEN below the
 *     role);
 *  4. CSRF: a request with the session cookie that may change something (not GET/HEAD/OPTIONS)
 *     must carry `x-csrf-token` (403 AUTH_CSRF_FAILED). API tokens are not ambient, so they need
 *     none. A WebSocket upgrade with the cookie must come from this origin or an allowed one.
 *
 * All of it runs in onRequest, before the body is read: a refused request never reaches
 * validation or a handler and changes nothing.
 *
 * Routes declare their access in `config.access` (access-types.ts). The onRoute hook records every
 * route with its access (`routes()`, read by the route × role matrix test); routes that plugins
 * add (SPA files, the OpenAPI browser, CORS preflight) get theirs from PLUGIN_ROUTE_RULES; any
 * other route without a declaration is admin-only and flagged `declared: false`.
 */
import { type AccessLevel } from '@dash/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestAuthenticator, RouteAccess } from './access-types.js';
import { type RateLimits } from './rate-limit.js';
export declare const SAFE_METHODS: ReadonlySet<string>;
export interface AuditSink {
    (entry: {
        actorKind: 'user' | 'token';
        actorId: string;
        actorName: string;
        action: string;
        target: string | null;
        status: number;
        outcome: 'ok';
        ip: string | null;
        userAgent: string | null;
    }): Promise<void>;
}
export interface AccessControlOptions {
    authenticator: RequestAuthenticator;
    rateLimits: RateLimits;
    /** Origins (besides this server's own) allowed to open the live feed with the session cookie. */
    allowedOrigins: readonly string[];
    /** Records successful changes (POST/PUT/PATCH/DELETE) in the audit log. */
    audit?: AuditSink;
    now?: () => number;
}
export interface AccessControl {
    /** Every route registered so far, with its access. */
    routes(): readonly RouteAccess[];
}
/** Access for routes that plugins register, which cannot carry our config. */
export declare const PLUGIN_ROUTE_RULES: ReadonlyArray<{
    describe: string;
    matches: (method: string, url: string) => boolean;
    access: AccessLevel;
}>;
export declare function installAccessControl(server: FastifyInstance, options: AccessControlOptions): AccessControl;
/** Same origin as the Host the request was sent to, or an allowed one; no Origin = not a browser. */
export declare function originAllowed(request: FastifyRequest, allowed: readonly string[]): boolean;
