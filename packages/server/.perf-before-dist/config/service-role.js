/**
 * SERVICE_ROLE: what one process of the single image runs. The composition root (app.ts) reads
 * the parts below and registers only the matching components.
 *
 *   all     (default) api + worker in one process: the embedded mode
 *   api     REST + live feed (/ws) + SPA; no dispatcher
 *   worker  dispatcher + agent runners; no REST (probes only)
 *   memory  the memory API under /api/memory alone (default port 3333)
 *   bridge  the API bridge (default port 3002): MCP endpoint, /api/bridge, alerts (app-bridge.ts)
 *
 * `api` and `worker` combine (`api,worker`, which is `all`): a scale-out replica runs both. `memory`
 * and `bridge` stand alone, each on its own port. Every role serves /health, /ready and /metrics.
 */
export const SERVICE_ROLE_NAMES = ['all', 'api', 'worker', 'memory', 'bridge'];
/** Port used when PORT is unset, per role (the seed's ports: API 8080, memory 3333, bridge 3002). */
export const DEFAULT_PORTS = { all: 8080, api: 8080, worker: 8080, memory: 3333, bridge: 3002 };
export const SERVICE_ROLE_HINT = 'expected all, api, worker, api,worker, memory or bridge';
/** `all`, `memory`, `bridge`, or a comma-separated set of `api` and `worker`; undefined when invalid. */
export function parseServiceRole(raw) {
    const parts = [...new Set(raw.split(',').map((p) => p.trim().toLowerCase()))];
    if (parts.some((p) => p === ''))
        return undefined;
    const only = parts[0];
    if (parts.length === 1 && only !== undefined) {
        return SERVICE_ROLE_NAMES.includes(only) ? role(only) : undefined;
    }
    return parts.every((p) => p === 'api' || p === 'worker') ? role('all') : undefined;
}
export function role(name) {
    return {
        name,
        api: name === 'all' || name === 'api',
        worker: name === 'all' || name === 'worker',
        memory: name === 'memory',
        bridge: name === 'bridge',
    };
}
/**
 * The memory API this process talks to over HTTP, or null when it opens the memory store itself.
 * MEMORY_API_URL counts for every role but `memory` (which is the memory API) and `bridge`.
 */
export function remoteMemoryApiUrl(role, memoryApiUrl) {
    return role.memory ? null : memoryApiUrl;
}
/** Whether this process opens the memory store (and runs the memory cleanup schedule). */
export function hostsMemoryStore(role, memoryApiUrl) {
    return role.memory || ((role.api || role.worker) && memoryApiUrl === null);
}
//# sourceMappingURL=service-role.js.map