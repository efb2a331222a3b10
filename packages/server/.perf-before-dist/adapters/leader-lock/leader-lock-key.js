/** The 64-bit advisory-lock key of a leader lock name (signed, as PostgreSQL's bigint wants it). */
import { createHash } from 'node:crypto';
export function leaderLockKey(name) {
    return createHash('sha256').update(`dash-leader:${name}`).digest().readBigInt64BE(0).toString();
}
//# sourceMappingURL=leader-lock-key.js.map