/** The JSON-RPC 2.0 messages of MCP (single messages; batches were dropped in 2025-06-18). */
/** Standard codes. */
export const rpcErrors = {
    parse: -32700,
    invalidRequest: -32600,
    methodNotFound: -32601,
    invalidParams: -32602,
    internal: -32603,
};
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
export function classify(body) {
    if (Array.isArray(body))
        return { kind: 'invalid', reason: 'JSON-RPC batches are not supported' };
    if (!isRecord(body) || body.jsonrpc !== '2.0')
        return { kind: 'invalid', reason: 'expected a JSON-RPC 2.0 object' };
    if (typeof body.method !== 'string') {
        return 'result' in body || 'error' in body ? { kind: 'response' } : { kind: 'invalid', reason: 'expected a method' };
    }
    if (body.params !== undefined && !isRecord(body.params))
        return { kind: 'invalid', reason: 'params must be an object' };
    const params = body.params;
    if (body.id === undefined)
        return { kind: 'notification', message: { jsonrpc: '2.0', method: body.method, ...(params && { params }) } };
    if (typeof body.id !== 'string' && typeof body.id !== 'number')
        return { kind: 'invalid', reason: 'id must be a string or a number' };
    return { kind: 'request', message: { jsonrpc: '2.0', id: body.id, method: body.method, ...(params && { params }) } };
}
export const rpcResult = (id, result) => ({ jsonrpc: '2.0', id, result });
export const rpcError = (id, code, message, data) => ({
    jsonrpc: '2.0',
    id,
    error: { code, message, ...(data !== undefined && { data }) },
});
//# sourceMappingURL=json-rpc.js.map