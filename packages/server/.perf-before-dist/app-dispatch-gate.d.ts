/**
 * Composition of the dispatch gate (part of the composition root, used by app-core-loop.ts):
 * budgets and rate-limit pauses on the store, from the BUDGET_* and RATE_LIMIT_* configuration.
 */
import type { RunEvent } from '@dash/shared';
import type { Kysely } from 'kysely';
import type { StoreDatabase } from './adapters/store/schema.js';
import type { Config } from './config/config.js';
import type { Logger } from './ports/logger.js';
import { DispatchGate } from './services/budgets/dispatch-gate.js';
export declare function createDispatchGate(ctx: {
    config: Config;
    db: Kysely<StoreDatabase>;
    readEvents: (runId: string, afterSeq: number, limit: number) => Promise<RunEvent[]>;
    logger: Logger;
}): DispatchGate;
