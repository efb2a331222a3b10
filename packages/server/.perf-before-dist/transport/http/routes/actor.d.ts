/**
 * Who a request acts as, for `createdBy`, comment authors and the task timeline: the signed-in
 * user (`alice`), or for an API token its owner and name (`alice (token ci-bot)`). Set by the
 * access hook from the verified credential, never from anything else the client sends. Only
 * routes that need a role call it; without a principal it refuses (401), it never guesses.
 */
import type { FastifyRequest } from 'fastify';
import { type Principal } from '../../../domain/auth/principal.js';
import '../auth/access-types.js';
export declare function principalOf(request: FastifyRequest): Principal;
export declare const actorOf: (request: FastifyRequest) => string;
/** Where the request came from (sessions and the audit log). */
export declare const clientOf: (request: FastifyRequest) => {
    ip: string | null;
    userAgent: string | null;
};
