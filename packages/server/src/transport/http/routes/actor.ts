/**
 * Who a request acts as, for `createdBy`, comment authors and the task timeline. There is no
 * authentication yet, so every request is `api`; nothing is taken from headers (a client could
 * claim any name). Once auth exists this returns the signed-in user.
 */
import type { FastifyRequest } from 'fastify';

export const API_ACTOR = 'api';

export const actorOf = (_request: FastifyRequest): string => API_ACTOR;
