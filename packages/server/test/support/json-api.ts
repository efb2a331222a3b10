/**
 * JSON calls to a spawned server with its admin token (server.api): `api(method, path, body,
 * parse, status = 200)` sends `body` as JSON, throws with the response text unless the answer has
 * exactly `status`, and returns `parse` of the JSON answer (an empty answer parses as null).
 */
import type { SpawnedServer } from './server-process.js';

export type JsonApi = <T>(method: string, path: string, body: unknown, parse: (value: unknown) => T, status?: number) => Promise<T>;

export function jsonApi(server: Pick<SpawnedServer, 'api'>): JsonApi {
  return async function api<T>(method: string, path: string, body: unknown, parse: (value: unknown) => T, status = 200): Promise<T> {
    const res = await server.api(path, { method, ...(body !== undefined && { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return parse(text === '' ? null : JSON.parse(text));
  };
}
