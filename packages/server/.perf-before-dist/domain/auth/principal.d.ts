/** Who a request acts as, once authenticated (a browser session or an API token). */
import type { UserRole } from '@dash/shared';
export interface Principal {
    kind: 'session' | 'token';
    userId: string;
    username: string;
    /** Effective role: the user's, or for a token the lower of the token's and its owner's. */
    role: UserRole;
    sessionId: string | null;
    tokenId: string | null;
    tokenName: string | null;
    /** When the credential stops working (session: its absolute end; token: its expiry). */
    expiresAt: string;
    /** Sessions only: the value the `x-csrf-token` header must carry. */
    csrfToken: string | null;
}
/** The name shown as author and in the audit log: `alice`, or `alice (token ci-bot)`. */
export declare const actorName: (p: Principal) => string;
