import type { Logger } from '../../ports/logger.js';
import type { McpTool } from '../../services/bridge/mcp/mcp-tools.js';
import type { RunCapability } from '../../services/bridge/mcp/run-token-service.js';
import { type JsonRpcRequest, type JsonRpcResponse } from './json-rpc.js';
/** Newest first; an unknown requested version is answered with the newest. */
export declare const MCP_PROTOCOL_VERSIONS: readonly ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];
export interface McpServerOptions {
    name: string;
    version: string;
    tools: readonly McpTool[];
    logger: Logger;
}
export declare class McpServer {
    private readonly options;
    private readonly byName;
    private readonly descriptors;
    constructor(options: McpServerOptions);
    /** A tools/call of a tool that may wait long (the transport streams progress meanwhile). */
    isLongRunning(request: JsonRpcRequest): boolean;
    handle(request: JsonRpcRequest, capability: RunCapability, signal: AbortSignal): Promise<JsonRpcResponse>;
    private initialize;
    private call;
}
