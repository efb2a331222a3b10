/**
 * Run-scoped capability tokens for the MCP endpoint (security review: this file and
 * transport/mcp/mcp-routes.ts are the whole mechanism; it is separate from user sessions and API
 * tokens and grants nothing outside /mcp).
 *
 *  - mint: 32 random bytes (base64url) behind the `dmcp_` prefix, bound to one run and to that
 *    run's employee and task. Only the SHA-256 is stored. The token reaches the agent in its MCP
 *    config file (mode 0600), never on the command line, in the environment or in a log.
 *  - verify: the token must exist, belong to the run named in the URL, be neither revoked nor
 *    past `expiresAt`, and its run must not have ended. Otherwise a stable error code:
 *    MCP_TOKEN_MISSING / MCP_TOKEN_INVALID (401), MCP_TOKEN_RUN_MISMATCH / MCP_TOKEN_EXPIRED (403).
 *  - revoke: when the run ends (RunService → RunMcpAccess.release). The run check in verify
 *    covers a run that ended on a replica that crashed before revoking.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isTerminalRunStatus } from '@dash/shared';
import { AppError } from '../../../domain/app-error.js';
export const RUN_TOKEN_PREFIX = 'dmcp_';
const TOKEN_SHAPE = /^dmcp_[A-Za-z0-9_-]{43}$/;
/** Revoked and expired tokens are kept this long (for audits of late calls), then deleted. */
const KEEP_STALE_MS = 24 * 3_600_000;
export const hashRunToken = (token) => createHash('sha256').update(token, 'utf8').digest('hex');
export class RunTokenService {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    /** A new token for the run, valid for `ttlMs` unless revoked first. */
    async mint(capability, ttlMs) {
        const token = `${RUN_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
        const now = this.deps.clock.now();
        await this.deps.tokens.insert({
            tokenHash: hashRunToken(token),
            runId: capability.runId,
            employeeId: capability.employeeId,
            taskId: capability.taskId,
            createdAt: new Date(now).toISOString(),
            expiresAt: new Date(now + ttlMs).toISOString(),
            revokedAt: null,
        });
        return token;
    }
    /** The capability of `token` for the run named in the request, or a 401/403 AppError. */
    async verify(token, runId) {
        if (token === null || token === '')
            throw new AppError('MCP_TOKEN_MISSING');
        if (!TOKEN_SHAPE.test(token))
            throw new AppError('MCP_TOKEN_INVALID');
        const record = await this.deps.tokens.findByHash(hashRunToken(token));
        if (record === null)
            throw new AppError('MCP_TOKEN_INVALID');
        if (record.runId !== runId) {
            throw new AppError('MCP_TOKEN_RUN_MISMATCH', { details: { runId } });
        }
        const now = this.deps.clock.isoNow();
        if (record.revokedAt !== null || record.expiresAt <= now) {
            throw new AppError('MCP_TOKEN_EXPIRED', { details: { runId } });
        }
        const run = await this.deps.runs.get(record.runId);
        if (run === null || isTerminalRunStatus(run.status)) {
            throw new AppError('MCP_TOKEN_EXPIRED', { message: 'The run of this token has ended', details: { runId } });
        }
        return { runId: record.runId, employeeId: record.employeeId, taskId: record.taskId };
    }
    /** Revokes every token of the run (its end). */
    async revoke(runId) {
        await this.deps.tokens.revokeForRun(runId, this.deps.clock.isoNow());
    }
    /** Deletes tokens revoked or expired more than a day ago; returns how many. */
    purgeStale() {
        return this.deps.tokens.deleteStale(new Date(this.deps.clock.now() - KEEP_STALE_MS).toISOString());
    }
}
//# sourceMappingURL=run-token-service.js.map