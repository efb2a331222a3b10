import { type ApiToken, type CreateApiTokenBody, type CreateUserBody, type CreatedApiToken, type SessionView, type UpdateUserBody, type User } from '@dash/shared';
import type { Principal } from '../../domain/auth/principal.js';
import type { AuthRepository, UserRecord } from '../../ports/auth-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { PasswordHasher } from '../../ports/password-hasher.js';
import type { AuditService } from '../audit/audit-service.js';
import { type AuthService } from './auth-service.js';
import type { ClientInfo } from './auth-types.js';
export interface AccountAdminDeps {
    repo: AuthRepository;
    hasher: PasswordHasher;
    audit: AuditService;
    auth: AuthService;
    clock: Clock;
}
export declare const userView: (u: UserRecord) => User;
export declare class AccountAdminService {
    private readonly deps;
    constructor(deps: AccountAdminDeps);
    listUsers(): Promise<User[]>;
    createUser(actor: Principal, body: CreateUserBody, client: ClientInfo): Promise<User>;
    updateUser(actor: Principal, id: string, body: UpdateUserBody, client: ClientInfo): Promise<User>;
    /** Admins see everyone's (or one user's); others only their own. */
    listSessions(actor: Principal, userId?: string): Promise<SessionView[]>;
    revokeSession(actor: Principal, id: string, client: ClientInfo): Promise<void>;
    listTokens(): Promise<ApiToken[]>;
    createToken(actor: Principal, input: CreateApiTokenBody, client: ClientInfo): Promise<CreatedApiToken>;
    revokeToken(actor: Principal, id: string, client: ClientInfo): Promise<ApiToken>;
    private audit;
}
