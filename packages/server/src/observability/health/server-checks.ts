/**
 * The dependencies GET /health reports for this server: the store and the queue (required), the
 * memory API and the API bridge (optional HTTP services, `not_configured` until their URLs are
 * set). In embedded mode the queue lives in the store, so its probe is the store's ping.
 * By SERVICE_ROLE: the memory role has a store but no queue; the bridge role has neither.
 */
import type { StoreDialect } from '../../ports/store.js';
import type { DependencyCheck } from './dependency-check.js';
import { httpHealthProbe } from './http-probe.js';

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

export function serverDependencyChecks(deps: ServerCheckDeps): DependencyCheck[] {
  const storeKind = deps.storeKind;
  const pingStore = async (): Promise<string> => {
    await deps.pingStore();
    return `${storeKind} answered`;
  };
  const store: DependencyCheck[] = storeKind === null ? [] : [{ name: 'store', kind: storeKind, required: true, probe: pingStore }];
  const queue: DependencyCheck[] =
    storeKind === null || deps.queue === false
      ? []
      : [
          deps.pingRedis === null
            ? { name: 'queue', kind: 'embedded', required: true, probe: pingStore }
            : { name: 'queue', kind: 'redis', required: true, probe: deps.pingRedis },
        ];
  return [
    ...store,
    ...queue,
    { name: 'memory-api', kind: 'http', required: false, probe: deps.memoryApiUrl === null ? null : httpHealthProbe(deps.memoryApiUrl) },
    { name: 'api-bridge', kind: 'http', required: false, probe: deps.apiBridgeUrl === null ? null : httpHealthProbe(deps.apiBridgeUrl) },
  ];
}
