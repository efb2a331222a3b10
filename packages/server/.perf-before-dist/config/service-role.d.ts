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
export declare const SERVICE_ROLE_NAMES: readonly ["all", "api", "worker", "memory", "bridge"];
export type ServiceRoleName = (typeof SERVICE_ROLE_NAMES)[number];
export interface ServiceRole {
    /** Canonical name: `all` for api+worker, else the single role. */
    name: ServiceRoleName;
    /** REST under /api, the live feed and the SPA. */
    api: boolean;
    /** The dispatcher and the agent runners. */
    worker: boolean;
    /** The standalone memory service (only /api/memory). */
    memory: boolean;
    /** The API bridge (app-bridge.ts, docs/bridge.md). */
    bridge: boolean;
}
/** Port used when PORT is unset, per role (the seed's ports: API 8080, memory 3333, bridge 3002). */
export declare const DEFAULT_PORTS: Record<ServiceRoleName, number>;
export declare const SERVICE_ROLE_HINT = "expected all, api, worker, api,worker, memory or bridge";
/** `all`, `memory`, `bridge`, or a comma-separated set of `api` and `worker`; undefined when invalid. */
export declare function parseServiceRole(raw: string): ServiceRole | undefined;
export declare function role(name: ServiceRoleName): ServiceRole;
/**
 * The memory API this process talks to over HTTP, or null when it opens the memory store itself.
 * MEMORY_API_URL counts for every role but `memory` (which is the memory API) and `bridge`.
 */
export declare function remoteMemoryApiUrl(role: ServiceRole, memoryApiUrl: string | null): string | null;
/** Whether this process opens the memory store (and runs the memory cleanup schedule). */
export declare function hostsMemoryStore(role: ServiceRole, memoryApiUrl: string | null): boolean;
