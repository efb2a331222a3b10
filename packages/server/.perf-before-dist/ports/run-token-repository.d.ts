/**
 * Run-scoped MCP tokens as stored (adapters/store). Only the SHA-256 of a token is kept; the token
 * itself exists in the agent's MCP config file and in memory while it is being handed over.
 */
export interface RunTokenRecord {
    tokenHash: string;
    runId: string;
    employeeId: string | null;
    taskId: string | null;
    /** ISO 8601. */
    createdAt: string;
    expiresAt: string;
    revokedAt: string | null;
}
export interface RunTokenRepository {
    insert(record: RunTokenRecord): Promise<void>;
    findByHash(tokenHash: string): Promise<RunTokenRecord | null>;
    /** Revokes every live token of the run; returns how many. */
    revokeForRun(runId: string, at: string): Promise<number>;
    /** Deletes tokens that expired (or were revoked) before `before`; returns how many. */
    deleteStale(before: string): Promise<number>;
}
