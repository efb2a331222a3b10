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

export type JsonRpcResponse =
  | { jsonrpc: '2.0'; id: JsonRpcId; result: unknown }
  | { jsonrpc: '2.0'; id: JsonRpcId | null; error: { code: number; message: string; data?: unknown } };

/** Standard codes. */
export const rpcErrors = {
  parse: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
} as const;

export type IncomingMessage =
  | { kind: 'request'; message: JsonRpcRequest }
  | { kind: 'notification'; message: JsonRpcNotification }
  /** A response to a server request: we send none, so it is acknowledged and dropped. */
  | { kind: 'response' }
  | { kind: 'invalid'; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function classify(body: unknown): IncomingMessage {
  if (Array.isArray(body)) return { kind: 'invalid', reason: 'JSON-RPC batches are not supported' };
  if (!isRecord(body) || body.jsonrpc !== '2.0') return { kind: 'invalid', reason: 'expected a JSON-RPC 2.0 object' };
  if (typeof body.method !== 'string') {
    return 'result' in body || 'error' in body ? { kind: 'response' } : { kind: 'invalid', reason: 'expected a method' };
  }
  if (body.params !== undefined && !isRecord(body.params)) return { kind: 'invalid', reason: 'params must be an object' };
  const params = body.params as Record<string, unknown> | undefined;
  if (body.id === undefined) return { kind: 'notification', message: { jsonrpc: '2.0', method: body.method, ...(params && { params }) } };
  if (typeof body.id !== 'string' && typeof body.id !== 'number') return { kind: 'invalid', reason: 'id must be a string or a number' };
  return { kind: 'request', message: { jsonrpc: '2.0', id: body.id, method: body.method, ...(params && { params }) } };
}

export const rpcResult = (id: JsonRpcId, result: unknown): JsonRpcResponse => ({ jsonrpc: '2.0', id, result });
export const rpcError = (id: JsonRpcId | null, code: number, message: string, data?: unknown): JsonRpcResponse => ({
  jsonrpc: '2.0',
  id,
  error: { code, message, ...(data !== undefined && { data }) },
});
