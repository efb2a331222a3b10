import { z } from 'zod';
import { classify, rpcError, rpcErrors } from './json-rpc.js';
import '../http/auth/access-types.js';
const params = z.object({ runId: z.string().min(1).max(100) }).strict();
export const mcpRoutes = async (app, options) => {
    const progressEveryMs = options.progressEveryMs ?? 20_000;
    // Agents call often and are authenticated by their run token; the user rate classes do not apply.
    const config = { access: 'public', rateClass: 'none', audit: false };
    app.post('/mcp/runs/:runId', { config, schema: { params } }, async (request, reply) => {
        const { server, tokens } = options.resolve();
        const capability = await tokens.verify(bearerOf(request), request.params.runId);
        const incoming = classify(request.body);
        if (incoming.kind === 'invalid') {
            return reply.code(400).send(rpcError(null, rpcErrors.invalidRequest, incoming.reason, { code: 'MCP_BAD_REQUEST' }));
        }
        if (incoming.kind !== 'request')
            return reply.code(202).send();
        const abort = new AbortController();
        reply.raw.on('close', () => {
            if (!reply.raw.writableFinished)
                abort.abort();
        });
        const message = incoming.message;
        if (server.isLongRunning(message) && acceptsEventStream(request)) {
            await streamed(reply, message, progressEveryMs, () => server.handle(message, capability, abort.signal));
            return reply;
        }
        return reply.code(200).header('content-type', 'application/json').send(await server.handle(message, capability, abort.signal));
    });
    const notAllowed = async (_request, reply) => reply.code(405).header('allow', 'POST').send(rpcError(null, rpcErrors.invalidRequest, 'Use POST: this server offers no stream and no sessions'));
    app.get('/mcp/runs/:runId', { config, schema: { params } }, notAllowed);
    app.delete('/mcp/runs/:runId', { config, schema: { params } }, notAllowed);
};
function bearerOf(request) {
    const header = request.headers.authorization;
    if (typeof header !== 'string')
        return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? '';
}
function acceptsEventStream(request) {
    const accept = request.headers.accept;
    return typeof accept === 'string' && accept.includes('text/event-stream');
}
/** Answers as an SSE stream: progress notifications while `work` runs, then its response. */
async function streamed(reply, request, everyMs, work) {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const send = (message) => {
        if (!raw.writableEnded && !raw.destroyed)
            raw.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
    };
    const meta = request.params?._meta;
    const token = meta?.progressToken;
    let beats = 0;
    const timer = setInterval(() => {
        beats += 1;
        if (typeof token === 'string' || typeof token === 'number') {
            send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: token, progress: beats, message: 'Waiting for a person to answer' } });
        }
        else if (!raw.writableEnded && !raw.destroyed) {
            raw.write(': waiting\n\n');
        }
    }, everyMs);
    try {
        send(await work());
    }
    finally {
        clearInterval(timer);
        if (!raw.writableEnded)
            raw.end();
    }
}
//# sourceMappingURL=mcp-routes.js.map