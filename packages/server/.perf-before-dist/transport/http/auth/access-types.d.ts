/**
 * What every route declares (Fastify route `config`) and what every request carries once the
 * access hook has run. A route says the least role it needs where it is declared:
 *
 *   app.get('/api/tasks', { config: { access: 'viewer' }, schema: … }, handler)
 *
 * `public` routes answer without credentials. A route without `access` is refused to everyone but
 * admins, and the route × role matrix test fails until it gets one.
 */
import type { AccessLevel } from '@dash/shared';
import type { Principal } from '../../../domain/auth/principal.js';
/** Rate-limit classes (see rate-limit.ts): sign-in is strict, changes moderate, reads loose. */
export type RateClass = 'auth' | 'write' | 'read' | 'none';
declare module 'fastify' {
    interface FastifyContextConfig {
        /** The least role the route needs (required on every route; see access-control.ts). */
        access?: AccessLevel;
        /**
         * false: the generic audit hook skips this route (it changes nothing, like memory search, or
         * its service writes richer audit entries itself, like sign-in and user admin).
         */
        audit?: false;
        /** Defaults to `read` for GET/HEAD and `write` otherwise. */
        rateClass?: RateClass;
    }
    interface FastifyRequest {
        /** Who is calling; null when no valid credential came with the request. */
        principal: Principal | null;
    }
}
/** Resolves credentials to a principal (AuthService implements it). */
export interface RequestAuthenticator {
    authenticateSession(sessionToken: string): Promise<Principal | null>;
    authenticateToken(token: string): Promise<Principal | null>;
}
/** Accepts no credential: only public routes can be served (servers without a user store). */
export declare const noCredentialsAccepted: RequestAuthenticator;
/** One row of the route table the access hook collected. */
export interface RouteAccess {
    method: string;
    url: string;
    access: AccessLevel;
    /** False when the route did not declare `access` (it was given `admin`). */
    declared: boolean;
}
