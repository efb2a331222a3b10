import type { AuthRepository } from '../../ports/auth-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { PasswordHasher } from '../../ports/password-hasher.js';
export declare const ADMIN_TOKEN_ID = "dashboard-admin-token";
export declare const AUTOMATION_USERNAME = "automation";
export declare const FIRST_ADMIN_USERNAME = "admin";
export interface AuthBootstrapOptions {
    adminPassword: string | null;
    adminToken: string | null;
    /** @default 24 h */
    setupTokenTtlMs?: number;
}
export interface AuthBootstrapDeps {
    repo: AuthRepository;
    hasher: PasswordHasher;
    clock: Clock;
    logger: Logger;
}
export interface AuthBootstrapResult {
    /** The setup token printed to the log, when one was made. */
    setupToken: string | null;
}
export declare function bootstrapAuth(deps: AuthBootstrapDeps, options: AuthBootstrapOptions): Promise<AuthBootstrapResult>;
