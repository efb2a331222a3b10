/**
 * Users, browser sessions, API tokens and first-run setup tokens in the store. Secrets are never
 * stored: sessions, API tokens and setup tokens are kept as SHA-256 hashes of the random value the
 * client holds, passwords as argon2id hashes. Revocation and expiry are columns: a revoked or
 * expired row is never returned by the `find*` lookups, so a revoked credential is refused on the
 * very next request on every replica (nothing is cached).
 */
import type { UserRole } from '@dash/shared';
export interface UserRecord {
    id: string;
    /** Lower case, unique. */
    username: string;
    role: UserRole;
    /** argon2id PHC string; null for users that cannot sign in with a password (automation). */
    passwordHash: string | null;
    disabled: boolean;
    createdAt: string;
    updatedAt: string;
    lastLoginAt: string | null;
}
export type NewUser = Omit<UserRecord, 'updatedAt' | 'lastLoginAt'>;
export interface UserPatch {
    role?: UserRole;
    disabled?: boolean;
    passwordHash?: string;
}
export interface SessionRecord {
    id: string;
    tokenHash: string;
    userId: string;
    createdAt: string;
    lastSeenAt: string;
    /** Absolute end (SESSION_MAX_AGE after sign-in). */
    expiresAt: string;
    revokedAt: string | null;
    ip: string | null;
    userAgent: string | null;
}
export type NewSession = Omit<SessionRecord, 'revokedAt'>;
export interface ApiTokenRecord {
    id: string;
    tokenHash: string;
    /** The first characters of the token, shown in lists. */
    prefix: string;
    name: string;
    role: UserRole;
    /** The owner: the token never does more than the owner's current role, and dies with a disabled owner. */
    userId: string;
    createdAt: string;
    expiresAt: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
}
export type NewApiToken = Omit<ApiTokenRecord, 'lastUsedAt' | 'revokedAt'>;
export type SetupOutcome = 'created' | 'closed' | 'invalid';
export interface AuthRepository {
    createUser(user: NewUser): Promise<UserRecord>;
    getUser(id: string): Promise<UserRecord | null>;
    findUserByUsername(username: string): Promise<UserRecord | null>;
    listUsers(): Promise<UserRecord[]>;
    /** Null when there is no such user. */
    updateUser(id: string, patch: UserPatch, now: string): Promise<UserRecord | null>;
    recordLogin(userId: string, at: string): Promise<void>;
    /** Enabled admins (the last one cannot be disabled or demoted). */
    countEnabledAdmins(): Promise<number>;
    /** Users who can sign in with a password; while there are none, first-run setup is open. */
    countUsersWithPassword(): Promise<number>;
    addSetupToken(tokenHash: string, createdAt: string, expiresAt: string): Promise<void>;
    /**
     * In one transaction: if no user has a password yet and `tokenHash` names an unexpired setup
     * token, create `user` and delete every setup token.
     */
    completeSetup(tokenHash: string, user: NewUser, now: string): Promise<SetupOutcome>;
    createSession(session: NewSession): Promise<void>;
    /** The session and its user, if the session is neither revoked nor past `expiresAt`/idle limit. */
    findActiveSession(tokenHash: string, now: string, idleSince: string): Promise<{
        session: SessionRecord;
        user: UserRecord;
    } | null>;
    touchSession(id: string, at: string): Promise<void>;
    getSession(id: string): Promise<SessionRecord | null>;
    /** Active sessions (not revoked, not expired), newest first; of one user when given. */
    listActiveSessions(now: string, idleSince: string, userId?: string): Promise<SessionRecord[]>;
    /** True when the session was active and is now revoked. */
    revokeSession(id: string, at: string): Promise<boolean>;
    /** Revokes every session of the user not yet revoked, except `exceptId`; returns the ids revoked. */
    revokeUserSessions(userId: string, at: string, exceptId?: string): Promise<string[]>;
    createApiToken(token: NewApiToken): Promise<void>;
    /** The token and its owner, if neither revoked nor expired. */
    findActiveApiToken(tokenHash: string, now: string): Promise<{
        token: ApiTokenRecord;
        user: UserRecord;
    } | null>;
    touchApiToken(id: string, at: string): Promise<void>;
    getApiToken(id: string): Promise<ApiTokenRecord | null>;
    listApiTokens(): Promise<ApiTokenRecord[]>;
    /** True when the token was not yet revoked and is now. */
    revokeApiToken(id: string, at: string): Promise<boolean>;
    /**
     * Creates or replaces the token with this id (hash, owner, expiry), un-revoking it: the
     * DASHBOARD_ADMIN_TOKEN row, refreshed at each start.
     */
    upsertApiToken(token: NewApiToken): Promise<void>;
}
