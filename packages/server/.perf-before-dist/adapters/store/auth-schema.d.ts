/** Kysely table types of migration 0007 (users, sessions, API tokens, setup tokens, audit log). */
import type { Generated } from 'kysely';
import type { AuditOutcome, UserRole } from '@dash/shared';
export interface UsersTable {
    id: string;
    username: string;
    role: UserRole;
    password_hash: string | null;
    /** 0/1 on both dialects. */
    disabled: number;
    created_at: string;
    updated_at: string;
    last_login_at: string | null;
}
export interface SessionsTable {
    id: string;
    token_hash: string;
    user_id: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
    revoked_at: string | null;
    ip: string | null;
    user_agent: string | null;
}
export interface ApiTokensTable {
    id: string;
    token_hash: string;
    prefix: string;
    name: string;
    role: UserRole;
    user_id: string;
    created_at: string;
    expires_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
}
export interface SetupTokensTable {
    token_hash: string;
    created_at: string;
    expires_at: string;
}
export interface AuditLogTable {
    seq: Generated<number>;
    id: string;
    at: string;
    actor_kind: 'user' | 'token' | 'anonymous' | 'system';
    actor_id: string | null;
    actor_name: string | null;
    action: string;
    target: string | null;
    status: number | null;
    outcome: AuditOutcome;
    ip: string | null;
    user_agent: string | null;
    /** JSON object text, or null. */
    detail: string | null;
}
export interface AuthTables {
    users: UsersTable;
    sessions: SessionsTable;
    api_tokens: ApiTokensTable;
    setup_tokens: SetupTokensTable;
    audit_log: AuditLogTable;
}
