import type { Store } from '../../ports/store.js';
import { type StoreLogger } from './store-logger.js';
export type { StoreLogger } from './store-logger.js';
export type StoreOptions = {
    kind: 'sqlite';
    file: string;
} | {
    kind: 'postgres';
    url: string;
    /** Connections in the pool. @default 10 */
    poolSize?: number;
    /** Shown in pg_stat_activity. @default 'dash-server' */
    applicationName?: string;
};
export interface StoreDeps {
    logger?: StoreLogger;
}
export declare function openStore(options: StoreOptions, deps?: StoreDeps): Promise<Store>;
