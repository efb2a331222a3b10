/**
 * Fastify's per-request log lines: one `request completed` line per request at info (the
 * `incoming request` line drops to debug), labelled `requestId`, and none at all for the probes,
 * which orchestrators and scrapers poll every few seconds.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
export declare class RequestLogController extends LogController {
    constructor();
    incomingRequest(request: FastifyRequest, _reply: FastifyReply): void;
}
