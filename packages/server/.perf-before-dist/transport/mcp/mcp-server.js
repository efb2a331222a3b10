/**
 * The MCP server side of one request (protocol, not HTTP): `initialize`, `ping`, `tools/list` and
 * `tools/call` over the bridge's tools (services/bridge/mcp/mcp-tools.ts). Stateless: nothing is
 * kept between requests (no session id), so any replica can answer any call.
 *
 * Tool errors are tool results with `isError: true`, so the agent reads and can correct them:
 * the text starts with the stable code (`MCP_TOKEN_SCOPE: …`) and `structuredContent.error` holds
 * `{code, status, message, fields?}`. Only protocol errors (unknown method or tool, bad params)
 * are JSON-RPC errors.
 */
import { errorCodes } from '@dash/shared';
import { z } from 'zod';
import { isAppError } from '../../domain/app-error.js';
import { rpcError, rpcErrors, rpcResult } from './json-rpc.js';
/** Newest first; an unknown requested version is answered with the newest. */
export const MCP_PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];
export class McpServer {
    options;
    byName;
    descriptors;
    constructor(options) {
        this.options = options;
        this.byName = new Map(options.tools.map((t) => [t.name, t]));
        this.descriptors = options.tools.map((t) => ({ name: t.name, title: t.title, description: t.description, inputSchema: inputSchemaOf(t) }));
    }
    /** A tools/call of a tool that may wait long (the transport streams progress meanwhile). */
    isLongRunning(request) {
        return request.method === 'tools/call' && this.byName.get(String(request.params?.name))?.longRunning === true;
    }
    async handle(request, capability, signal) {
        const params = request.params ?? {};
        switch (request.method) {
            case 'initialize':
                return rpcResult(request.id, this.initialize(params));
            case 'ping':
                return rpcResult(request.id, {});
            case 'tools/list':
                return rpcResult(request.id, { tools: this.descriptors });
            case 'tools/call':
                return this.call(request, capability, signal);
            default:
                return rpcError(request.id, rpcErrors.methodNotFound, `Method not found: ${request.method}`);
        }
    }
    initialize(params) {
        const asked = typeof params.protocolVersion === 'string' ? params.protocolVersion : '';
        const protocolVersion = MCP_PROTOCOL_VERSIONS.includes(asked) ? asked : MCP_PROTOCOL_VERSIONS[0];
        return {
            protocolVersion,
            capabilities: { tools: { listChanged: false } },
            serverInfo: { name: this.options.name, version: this.options.version },
            instructions: 'Tools of the Multi-Agent Dashboard for this run: search and store your long-term memories, delegate subtasks, comment on your task, and ask a person when you are blocked.',
        };
    }
    async call(request, capability, signal) {
        const name = request.params?.name;
        const tool = typeof name === 'string' ? this.byName.get(name) : undefined;
        if (!tool) {
            return rpcError(request.id, rpcErrors.invalidParams, `Unknown tool: ${String(name)}`, { code: 'MCP_TOOL_UNKNOWN', tools: [...this.byName.keys()] });
        }
        const parsed = tool.args.safeParse(request.params?.arguments ?? {});
        if (!parsed.success) {
            const fields = parsed.error.issues.map((i) => ({ path: ['arguments', ...i.path.map(String)].join('.'), message: i.message }));
            return rpcResult(request.id, toolError('VALIDATION_FAILED', `Invalid arguments for ${tool.name}`, fields));
        }
        try {
            const output = await tool.run(parsed.data, capability, signal);
            // No structured content when the tool has none to give (approve_tool_use: the CLI wants one text block only).
            return rpcResult(request.id, { content: [{ type: 'text', text: output.text }], ...(output.data !== null && { structuredContent: output.data }), isError: false });
        }
        catch (err) {
            if (isAppError(err)) {
                this.options.logger.info({ runId: capability.runId, tool: tool.name, code: err.code }, 'MCP tool call refused');
                return rpcResult(request.id, toolError(err.code, err.message, err.fields));
            }
            this.options.logger.error({ runId: capability.runId, tool: tool.name, err }, 'MCP tool call failed');
            return rpcResult(request.id, toolError('INTERNAL_ERROR', errorCodes.INTERNAL_ERROR.message));
        }
    }
}
function toolError(code, message, fields) {
    const detail = fields && fields.length > 0 ? ` (${fields.map((f) => `${f.path}: ${f.message}`).join('; ')})` : '';
    return {
        content: [{ type: 'text', text: `${code}: ${message}${detail}` }],
        structuredContent: { error: { code, status: errorCodes[code].status, message, ...(fields && { fields }) } },
        isError: true,
    };
}
/** The tool's argument schema as JSON Schema (input side: defaults are optional). */
function inputSchemaOf(tool) {
    const { $schema: _schema, ...schema } = z.toJSONSchema(tool.args, { io: 'input' });
    return schema;
}
//# sourceMappingURL=mcp-server.js.map