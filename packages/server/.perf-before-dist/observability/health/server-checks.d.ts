/**
 * The dependencies GET /health reports for this server: the store and the queue (required), the
 * memory API and the API bridge (optional HTTP services, `not_configured` until their URLs are
 * set). In embedded mode the queue lives in the store, so its probe is the store's ping.
 * By SERVICE_ROLE: the memory role has a store but no queue; the bridge role has neither.
 */
import type { StoreDialect } from '../../ports/store.js';
import type { DependencyCheck } from './dependency-check.js';
export interface ServerCheckDeps {
    /** null = this process opens no store (SERVICE_ROLE=bridge). */
    storeKind: StoreDialect | null;
    /** Round trip to the store; throws when it cannot answer (or is not open yet). */
    pingStore(): Promise<void>;
    /** PING to Redis when REDIS_URL is set (the queue runs on Redis); null = embedded queue. */
    pingRedis: (() => Promise<string>) | null;
    /** This process runs the task queue (api and worker roles). @default true */
    queue?: boolean;
    memoryApiUrl: string | null;
    apiBridgeUrl: string | null;
}
export declare function serverDependencyChecks(deps: ServerCheckDeps): DependencyCheck[];
