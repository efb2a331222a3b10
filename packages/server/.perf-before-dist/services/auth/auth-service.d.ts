import { type ChangePasswordBody, type LoginBody, type SetupBody } from '@dash/shared';
import { type Principal } from '../../domain/auth/principal.js';
import type { AuthRepository } from '../../ports/auth-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { PasswordHasher } from '../../ports/password-hasher.js';
import type { AuditService } from '../audit/audit-service.js';
import { type AuthTimings, type ClientInfo, type Revocation } from './auth-types.js';
import type { LoginThrottle } from './login-throttle.js';
export interface AuthServiceDeps {
    repo: AuthRepository;
    hasher: PasswordHasher;
    audit: AuditService;
    throttle: LoginThrottle;
    bus: EventBus;
    clock: Clock;
    logger: Logger;
}
export interface SignedIn {
    principal: Principal;
    /** The cookie value; never stored, never logged. */
    sessionToken: string;
}
export declare class AuthService {
    private readonly deps;
    readonly timings: AuthTimings;
    /** A valid hash to verify against when the user does not exist, so timing does not tell. */
    private dummyHash;
    constructor(deps: AuthServiceDeps, timings: AuthTimings);
    authenticateSession(sessionToken: string): Promise<Principal | null>;
    authenticateToken(token: string): Promise<Principal | null>;
    /**
     * Whether the credential behind a long-lived connection (the live feed) still holds: not revoked,
     * not expired, its user enabled with a role at least as high. Counts as activity for the session.
     */
    stillValid(principal: Principal): Promise<boolean>;
    login(body: LoginBody, client: ClientInfo): Promise<SignedIn>;
    logout(principal: Principal, client: ClientInfo): Promise<void>;
    changePassword(principal: Principal, body: ChangePasswordBody, client: ClientInfo): Promise<void>;
    setupRequired(): Promise<boolean>;
    setup(body: SetupBody, client: ClientInfo): Promise<SignedIn>;
    /** Tells every replica to drop live connections made with these credentials. */
    publish(revocation: Revocation): void;
    private startSession;
    private touchSession;
    private background;
    private dummy;
    private audit;
}
/** The audit actor fields of a principal. */
export declare const actorOf: (p: Principal) => {
    actorKind: "user" | "token";
    actorId: string;
    actorName: string;
};
