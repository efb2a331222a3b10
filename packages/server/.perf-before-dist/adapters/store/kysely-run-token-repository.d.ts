/** RunTokenRepository over the store (table mcp_run_tokens, migration 0010). */
import type { Kysely } from 'kysely';
import type { RunTokenRecord, RunTokenRepository } from '../../ports/run-token-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyRunTokenRepository implements RunTokenRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    insert(r: RunTokenRecord): Promise<void>;
    findByHash(tokenHash: string): Promise<RunTokenRecord | null>;
    revokeForRun(runId: string, at: string): Promise<number>;
    deleteStale(before: string): Promise<number>;
}
