import type { Clock } from '../../../ports/clock.js';
import type { RunRepository } from '../../../ports/run-repository.js';
import type { RunTokenRepository } from '../../../ports/run-token-repository.js';
export declare const RUN_TOKEN_PREFIX = "dmcp_";
/** What a verified token may act for. */
export interface RunCapability {
    runId: string;
    employeeId: string | null;
    taskId: string | null;
}
export interface RunTokenServiceDeps {
    tokens: RunTokenRepository;
    runs: Pick<RunRepository, 'get'>;
    clock: Clock;
}
export declare const hashRunToken: (token: string) => string;
export declare class RunTokenService {
    private readonly deps;
    constructor(deps: RunTokenServiceDeps);
    /** A new token for the run, valid for `ttlMs` unless revoked first. */
    mint(capability: RunCapability, ttlMs: number): Promise<string>;
    /** The capability of `token` for the run named in the request, or a 401/403 AppError. */
    verify(token: string | null, runId: string): Promise<RunCapability>;
    /** Revokes every token of the run (its end). */
    revoke(runId: string): Promise<void>;
    /** Deletes tokens revoked or expired more than a day ago; returns how many. */
    purgeStale(): Promise<number>;
}
