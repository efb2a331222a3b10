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
import type { RunTokenService } from '../../services/bridge/mcp/run-token-service.js';
import type { McpServer } from './mcp-server.js';
import '../http/auth/access-types.js';
export interface McpRoutesOptions {
    resolve: () => {
        server: McpServer;
        tokens: RunTokenService;
    };
    /** Progress notifications while a long tool call waits. @default 20_000 */
    progressEveryMs?: number;
}
export declare const mcpRoutes: FastifyPluginAsyncZod<McpRoutesOptions>;
