/**
 * The MCP endpoint for agents: Streamable HTTP at `/mcp/runs/:runId` (one URL per run; the
 * token must belong to that run).
 *
 *  - POST: one JSON-RPC message. `Authorization: Bearer <run token>` is checked first
 *    (RunTokenService.verify; 401/403 with the error body and a stable MCP_TOKEN_* code).
 *    Notifications and responses: 202 with no body. Requests: 200 `application/json`, except a
 *    long-running tool call (request_human_input) when the client accepts `text/event-stream`:
 *    then the answer comes as an SSE stream that carries `notifications/progress` every
 *    `progressEveryMs` (Claude Code resets its tool timeout, 60 s by default, on each) and ends
 *    with the response.
 *  - GET: 405 (no server-initiated stream); DELETE: 405 (no sessions).
 * The route is `public` for user authentication: the run token is its own capability (see
 * services/bridge/mcp/run-token-service.ts) and grants nothing outside this path. The token is
 * never logged (the logger redacts Authorization headers).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RunTokenService } from '../../services/bridge/mcp/run-token-service.js';
import { classify, rpcError, rpcErrors, type JsonRpcRequest, type JsonRpcResponse } from './json-rpc.js';
import type { McpServer } from './mcp-server.js';
import '../http/auth/access-types.js';

export interface McpRoutesOptions {
  resolve: () => { server: McpServer; tokens: RunTokenService };
  /** Progress notifications while a long tool call waits. @default 20_000 */
  progressEveryMs?: number;
}

const params = z.object({ runId: z.string().min(1).max(100) }).strict();

export const mcpRoutes: FastifyPluginAsyncZod<McpRoutesOptions> = async (app, options) => {
  const progressEveryMs = options.progressEveryMs ?? 20_000;
  // Agents call often and are authenticated by their run token; the user rate classes do not apply.
  const config = { access: 'public' as const, rateClass: 'none' as const, audit: false as const };

  app.post('/mcp/runs/:runId', { config, schema: { params } }, async (request, reply) => {
    const { server, tokens } = options.resolve();
    const capability = await tokens.verify(bearerOf(request), request.params.runId);
    const incoming = classify(request.body);
    if (incoming.kind === 'invalid') {
      return reply.code(400).send(rpcError(null, rpcErrors.invalidRequest, incoming.reason, { code: 'MCP_BAD_REQUEST' }));
    }
    if (incoming.kind !== 'request') return reply.code(202).send();

    const abort = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) abort.abort();
    });
    const message = incoming.message;
    if (server.isLongRunning(message) && acceptsEventStream(request)) {
      await streamed(reply, message, progressEveryMs, () => server.handle(message, capability, abort.signal));
      return reply;
    }
    return reply.code(200).header('content-type', 'application/json').send(await server.handle(message, capability, abort.signal));
  });

  const notAllowed = async (_request: FastifyRequest, reply: FastifyReply): Promise<unknown> =>
    reply.code(405).header('allow', 'POST').send(rpcError(null, rpcErrors.invalidRequest, 'Use POST: this server offers no stream and no sessions'));
  app.get('/mcp/runs/:runId', { config, schema: { params } }, notAllowed);
  app.delete('/mcp/runs/:runId', { config, schema: { params } }, notAllowed);
};

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

function acceptsEventStream(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/event-stream');
}

/** Answers as an SSE stream: progress notifications while `work` runs, then its response. */
async function streamed(reply: FastifyReply, request: JsonRpcRequest, everyMs: number, work: () => Promise<JsonRpcResponse>): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  const send = (message: unknown): void => {
    if (!raw.writableEnded && !raw.destroyed) raw.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  };
  const meta = request.params?._meta as { progressToken?: unknown } | undefined;
  const token = meta?.progressToken;
  let beats = 0;
  const timer = setInterval(() => {
    beats += 1;
    if (typeof token === 'string' || typeof token === 'number') {
      send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: token, progress: beats, message: 'Waiting for a person to answer' } });
    } else if (!raw.writableEnded && !raw.destroyed) {
      raw.write(': waiting\n\n');
    }
  }, everyMs);
  try {
    send(await work());
  } finally {
    clearInterval(timer);
    if (!raw.writableEnded) raw.end();
  }
}
