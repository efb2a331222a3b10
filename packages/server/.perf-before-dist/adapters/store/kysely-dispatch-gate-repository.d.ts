/** DispatchGateRepository over the store (dispatch_pauses of migration 0012, runs); same SQL on both dialects. */
import { type DispatchPause } from '@dash/shared';
import type { Kysely } from 'kysely';
import type { DispatchGateRepository } from '../../ports/dispatch-gate-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyDispatchGateRepository implements DispatchGateRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    pause(p: DispatchPause): Promise<void>;
    activePauses(nowIso: string): Promise<DispatchPause[]>;
    resume(scope: string): Promise<boolean>;
    costSince(sinceIso: string): Promise<ReadonlyMap<string, number>>;
    taskCost(taskId: string): Promise<number>;
}
