/**
 * Fastify's per-request log lines: one `request completed` line per request at info (the
 * `incoming request` line drops to debug), labelled `requestId`, and none at all for the probes,
 * which orchestrators and scrapers poll every few seconds.
 */
import { LogController } from 'fastify';
import { isProbePath, pathOf } from './paths.js';
export class RequestLogController extends LogController {
    constructor() {
        super({ requestIdLogLabel: 'requestId', disableRequestLogging: (request) => isProbePath(pathOf(request.url)) });
    }
    incomingRequest(request, _reply) {
        if (this.isLogDisabled(request))
            return;
        request.log.debug({ req: request }, 'incoming request');
    }
}
//# sourceMappingURL=request-logging.js.map