/** The JSON-RPC 2.0 messages of MCP (single messages; batches were dropped in 2025-06-18). */
export type JsonRpcId = string | number;
export interface JsonRpcRequest {
    jsonrpc: '2.0';
    id: JsonRpcId;
    method: string;
    params?: Record<string, unknown>;
}
export interface JsonRpcNotification {
    jsonrpc: '2.0';
    method: string;
    params?: Record<string, unknown>;
}
export type JsonRpcResponse = {
    jsonrpc: '2.0';
    id: JsonRpcId;
    result: unknown;
} | {
    jsonrpc: '2.0';
    id: JsonRpcId | null;
    error: {
        code: number;
        message: string;
        data?: unknown;
    };
};
/** Standard codes. */
export declare const rpcErrors: {
    readonly parse: -32700;
    readonly invalidRequest: -32600;
    readonly methodNotFound: -32601;
    readonly invalidParams: -32602;
    readonly internal: -32603;
};
export type IncomingMessage = {
    kind: 'request';
    message: JsonRpcRequest;
} | {
    kind: 'notification';
    message: JsonRpcNotification;
}
/** A response to a server request: we send none, so it is acknowledged and dropped. */
 | {
    kind: 'response';
} | {
    kind: 'invalid';
    reason: string;
};
export declare function classify(body: unknown): IncomingMessage;
export declare const rpcResult: (id: JsonRpcId, result: unknown) => JsonRpcResponse;
export declare const rpcError: (id: JsonRpcId | null, code: number, message: string, data?: unknown) => JsonRpcResponse;
