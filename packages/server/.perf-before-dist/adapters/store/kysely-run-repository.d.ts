/**
 * RunRepository over Kysely, one implementation for SQLite and PostgreSQL. Every state change is a
 * single conditional UPDATE ... RETURNING, so concurrent writers (several replicas on PostgreSQL)
 * never overwrite each other's transitions.
 */
import type { Kysely } from 'kysely';
import { type Run, type RunStatus, type RunUsage } from '@dash/shared';
import type { NewRun, RunListFilter, RunPatch, RunRepository, UsageRollupRow } from '../../ports/run-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyRunRepository implements RunRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    create(run: NewRun): Promise<Run>;
    get(id: string): Promise<Run | null>;
    update(id: string, patch: RunPatch): Promise<Run>;
    transition(id: string, from: readonly RunStatus[], patch: RunPatch & {
        status: RunStatus;
    }): Promise<Run | null>;
    /** Newest first (created_at desc, id desc). An empty `status` array means no status filter. */
    list(filter: RunListFilter): Promise<{
        items: Run[];
        nextCursor: string | null;
    }>;
    /** Oldest first, so reconciliation handles runs in the order they were created. */
    listActive(nodeId?: string): Promise<Run[]>;
    addUsage(id: string, delta: RunUsage): Promise<void>;
    usageRollup(groupBy: 'task' | 'employee' | 'day', range: {
        from: string;
        to: string;
    }): Promise<UsageRollupRow[]>;
}
