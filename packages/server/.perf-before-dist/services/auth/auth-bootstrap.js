/**
 * First start and every start after it, before the API serves:
 *  - DASHBOARD_ADMIN_TOKEN set: an admin API token with that value (stored hashed), owned by the
 *    password-less user `automation`, valid for a year and renewed at each start; unset: a token
 *    left from an earlier start is revoked. For automation (CI, provisioning, tests).
 *  - no user can sign in with a password yet:
 *      DASHBOARD_ADMIN_PASSWORD set → the admin `admin` with that password;
 *      otherwise → a one-time setup token (24 h) is printed to the log; `POST /api/auth/setup`
 *      with it creates the first admin. There is no default password.
 *  - once such a user exists, DASHBOARD_ADMIN_PASSWORD is ignored (it never resets a password).
 */
import { randomUUID } from 'node:crypto';
import { hashSecret, newSecret } from './secrets.js';
export const ADMIN_TOKEN_ID = 'dashboard-admin-token';
export const AUTOMATION_USERNAME = 'automation';
export const FIRST_ADMIN_USERNAME = 'admin';
const YEAR_MS = 366 * 24 * 3600 * 1000;
export async function bootstrapAuth(deps, options) {
    const { repo, clock, logger } = deps;
    const now = clock.now();
    const iso = (ms) => new Date(ms).toISOString();
    if (options.adminToken !== null) {
        const owner = (await repo.findUserByUsername(AUTOMATION_USERNAME)) ?? (await createIfAbsent(deps, AUTOMATION_USERNAME, null, iso(now)));
        if (owner.disabled || owner.role !== 'admin')
            logger.warn({ user: AUTOMATION_USERNAME }, 'DASHBOARD_ADMIN_TOKEN is set but its owner is disabled or not an admin: the token gets no more than the owner');
        await repo.upsertApiToken({
            id: ADMIN_TOKEN_ID,
            tokenHash: hashSecret(options.adminToken),
            prefix: options.adminToken.slice(0, 4),
            name: 'DASHBOARD_ADMIN_TOKEN',
            role: 'admin',
            userId: owner.id,
            createdAt: iso(now),
            expiresAt: iso(now + YEAR_MS),
        });
    }
    else {
        const existing = await repo.getApiToken(ADMIN_TOKEN_ID);
        if (existing !== null && existing.revokedAt === null) {
            await repo.revokeApiToken(ADMIN_TOKEN_ID, iso(now));
            logger.info({}, 'DASHBOARD_ADMIN_TOKEN is no longer set: the token it created is revoked');
        }
    }
    if ((await repo.countUsersWithPassword()) > 0) {
        if (options.adminPassword !== null)
            logger.info({}, 'DASHBOARD_ADMIN_PASSWORD is ignored: an admin already exists (remove it from the environment)');
        return { setupToken: null };
    }
    if (options.adminPassword !== null) {
        await createIfAbsent(deps, FIRST_ADMIN_USERNAME, await deps.hasher.hash(options.adminPassword), iso(now));
        logger.info({ user: FIRST_ADMIN_USERNAME }, 'first admin created from DASHBOARD_ADMIN_PASSWORD');
        return { setupToken: null };
    }
    const setupToken = newSecret('setup_');
    const ttl = options.setupTokenTtlMs ?? 24 * 3600 * 1000;
    await repo.addSetupToken(hashSecret(setupToken), iso(now), iso(now + ttl));
    logger.warn({ setupPath: '/setup', expiresAt: iso(now + ttl) }, `First start: no admin exists yet. Open /setup in the dashboard and enter this one-time setup token: ${setupToken}`);
    return { setupToken };
}
/** Creates the admin, or returns the one another replica created a moment earlier. */
async function createIfAbsent(deps, username, passwordHash, now) {
    try {
        return await deps.repo.createUser({ id: randomUUID(), username, role: 'admin', passwordHash, disabled: false, createdAt: now });
    }
    catch (err) {
        const existing = await deps.repo.findUserByUsername(username);
        if (existing !== null)
            return existing;
        throw err;
    }
}
//# sourceMappingURL=auth-bootstrap.js.map