/**
 * The AuthRepository over the store's Kysely instance (SQLite or PostgreSQL). Lookups filter
 * revoked and expired rows in SQL, so a credential is refused as soon as its row changes.
 */
import type { Kysely } from 'kysely';
import type { ApiTokenRecord, AuthRepository, NewApiToken, NewSession, NewUser, SessionRecord, SetupOutcome, UserPatch, UserRecord } from '../../ports/auth-repository.js';
import type { StoreDatabase } from './schema.js';
type Db = Kysely<StoreDatabase>;
export declare class KyselyAuthRepository implements AuthRepository {
    private readonly db;
    constructor(db: Db);
    createUser(user: NewUser): Promise<UserRecord>;
    private insertUser;
    getUser(id: string): Promise<UserRecord | null>;
    findUserByUsername(username: string): Promise<UserRecord | null>;
    listUsers(): Promise<UserRecord[]>;
    updateUser(id: string, patch: UserPatch, now: string): Promise<UserRecord | null>;
    recordLogin(userId: string, at: string): Promise<void>;
    countEnabledAdmins(): Promise<number>;
    countUsersWithPassword(): Promise<number>;
    addSetupToken(tokenHash: string, createdAt: string, expiresAt: string): Promise<void>;
    completeSetup(tokenHash: string, user: NewUser, now: string): Promise<SetupOutcome>;
    createSession(session: NewSession): Promise<void>;
    findActiveSession(tokenHash: string, now: string, idleSince: string): Promise<{
        session: SessionRecord;
        user: UserRecord;
    } | null>;
    touchSession(id: string, at: string): Promise<void>;
    getSession(id: string): Promise<SessionRecord | null>;
    listActiveSessions(now: string, idleSince: string, userId?: string): Promise<SessionRecord[]>;
    revokeSession(id: string, at: string): Promise<boolean>;
    revokeUserSessions(userId: string, at: string, exceptId?: string): Promise<string[]>;
    createApiToken(token: NewApiToken): Promise<void>;
    upsertApiToken(token: NewApiToken): Promise<void>;
    findActiveApiToken(tokenHash: string, now: string): Promise<{
        token: ApiTokenRecord;
        user: UserRecord;
    } | null>;
    touchApiToken(id: string, at: string): Promise<void>;
    getApiToken(id: string): Promise<ApiTokenRecord | null>;
    listApiTokens(): Promise<ApiTokenRecord[]>;
    revokeApiToken(id: string, at: string): Promise<boolean>;
}
export {};
