/** Shared shapes of the auth services. */
import type { Principal } from '../../domain/auth/principal.js';
/** Where a request came from, for sessions and the audit log. */
export interface ClientInfo {
    ip: string | null;
    userAgent: string | null;
}
/**
 * Published on the event bus (all replicas) when credentials stop being valid, so open live-feed
 * connections authenticated with them are closed at once. REST needs no message: every request
 * looks its credential up in the store.
 */
export declare const AUTH_REVOKED_TOPIC = "auth.revoked";
export interface Revocation {
    sessionIds?: string[];
    tokenIds?: string[];
    /** Every credential of these users (disabled, role or password changed). */
    userIds?: string[];
}
export declare const revocationCovers: (r: Revocation, p: Principal) => boolean;
export interface AuthTimings {
    /** Absolute session lifetime. */
    sessionMaxAgeMs: number;
    /** A session unused this long ends. */
    sessionIdleMs: number;
}
/** last_seen_at / last_used_at are written at most this often per credential. */
export declare const TOUCH_INTERVAL_MS = 60000;
