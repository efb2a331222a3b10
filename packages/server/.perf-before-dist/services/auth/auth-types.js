/**
 * Published on the event bus (all replicas) when credentials stop being valid, so open live-feed
 * connections authenticated with them are closed at once. REST needs no message: every request
 * looks its credential up in the store.
 */
export const AUTH_REVOKED_TOPIC = 'auth.revoked';
export const revocationCovers = (r, p) => (p.sessionId !== null && (r.sessionIds ?? []).includes(p.sessionId)) ||
    (p.tokenId !== null && (r.tokenIds ?? []).includes(p.tokenId)) ||
    (r.userIds ?? []).includes(p.userId);
/** last_seen_at / last_used_at are written at most this often per credential. */
export const TOUCH_INTERVAL_MS = 60_000;
//# sourceMappingURL=auth-types.js.map