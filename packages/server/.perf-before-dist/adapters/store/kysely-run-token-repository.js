export class KyselyRunTokenRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async insert(r) {
        await this.db
            .insertInto('mcp_run_tokens')
            .values({
            token_hash: r.tokenHash,
            run_id: r.runId,
            employee_id: r.employeeId,
            task_id: r.taskId,
            created_at: r.createdAt,
            expires_at: r.expiresAt,
            revoked_at: r.revokedAt,
        })
            .execute();
    }
    async findByHash(tokenHash) {
        const row = await this.db.selectFrom('mcp_run_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
        return row === undefined
            ? null
            : {
                tokenHash: row.token_hash,
                runId: row.run_id,
                employeeId: row.employee_id,
                taskId: row.task_id,
                createdAt: row.created_at,
                expiresAt: row.expires_at,
                revokedAt: row.revoked_at,
            };
    }
    async revokeForRun(runId, at) {
        const result = await this.db.updateTable('mcp_run_tokens').set({ revoked_at: at }).where('run_id', '=', runId).where('revoked_at', 'is', null).executeTakeFirst();
        return Number(result.numUpdatedRows);
    }
    async deleteStale(before) {
        const result = await this.db
            .deleteFrom('mcp_run_tokens')
            .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
            .executeTakeFirst();
        return Number(result.numDeletedRows);
    }
}
//# sourceMappingURL=kysely-run-token-repository.js.map