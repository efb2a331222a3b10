import { AppError } from '../../domain/app-error.js';
import { isUniqueViolation } from './db-errors.js';
const toUser = (row) => ({
    id: row.id,
    username: row.username,
    role: row.role,
    passwordHash: row.password_hash,
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
});
const toSession = (row) => ({
    id: row.id,
    tokenHash: row.token_hash,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    ip: row.ip,
    userAgent: row.user_agent,
});
const toToken = (row) => ({
    id: row.id,
    tokenHash: row.token_hash,
    prefix: row.prefix,
    name: row.name,
    role: row.role,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
});
const joinedUserColumns = [
    'users.id as u_id',
    'users.username as u_username',
    'users.role as u_role',
    'users.password_hash as u_password_hash',
    'users.disabled as u_disabled',
    'users.created_at as u_created_at',
    'users.updated_at as u_updated_at',
    'users.last_login_at as u_last_login_at',
];
export class KyselyAuthRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async createUser(user) {
        try {
            await this.insertUser(this.db, user);
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw new AppError('AUTH_USERNAME_TAKEN', { fields: [{ path: 'body.username', message: 'taken' }] });
            throw err;
        }
        return (await this.getUser(user.id));
    }
    async insertUser(db, user) {
        await db
            .insertInto('users')
            .values({
            id: user.id,
            username: user.username,
            role: user.role,
            password_hash: user.passwordHash,
            disabled: user.disabled ? 1 : 0,
            created_at: user.createdAt,
            updated_at: user.createdAt,
            last_login_at: null,
        })
            .execute();
    }
    async getUser(id) {
        const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
        return row ? toUser(row) : null;
    }
    async findUserByUsername(username) {
        const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
        return row ? toUser(row) : null;
    }
    async listUsers() {
        const rows = await this.db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute();
        return rows.map(toUser);
    }
    async updateUser(id, patch, now) {
        const result = await this.db
            .updateTable('users')
            .set({
            updated_at: now,
            ...(patch.role !== undefined && { role: patch.role }),
            ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
            ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
        })
            .where('id', '=', id)
            .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0)
            return null;
        return this.getUser(id);
    }
    async recordLogin(userId, at) {
        await this.db.updateTable('users').set({ last_login_at: at }).where('id', '=', userId).execute();
    }
    async countEnabledAdmins() {
        const row = await this.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('role', '=', 'admin')
            .where('disabled', '=', 0)
            .executeTakeFirstOrThrow();
        return Number(row.n);
    }
    async countUsersWithPassword() {
        const row = await this.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('password_hash', 'is not', null)
            .executeTakeFirstOrThrow();
        return Number(row.n);
    }
    async addSetupToken(tokenHash, createdAt, expiresAt) {
        await this.db.insertInto('setup_tokens').values({ token_hash: tokenHash, created_at: createdAt, expires_at: expiresAt }).execute();
    }
    async completeSetup(tokenHash, user, now) {
        try {
            return await this.db.transaction().execute(async (trx) => {
                const withPassword = await trx
                    .selectFrom('users')
                    .select('id')
                    .where('password_hash', 'is not', null)
                    .limit(1)
                    .executeTakeFirst();
                if (withPassword)
                    return 'closed';
                const token = await trx
                    .selectFrom('setup_tokens')
                    .select('token_hash')
                    .where('token_hash', '=', tokenHash)
                    .where('expires_at', '>', now)
                    .executeTakeFirst();
                if (!token)
                    return 'invalid';
                await this.insertUser(trx, user);
                await trx.deleteFrom('setup_tokens').execute();
                return 'created';
            });
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw new AppError('AUTH_USERNAME_TAKEN', { fields: [{ path: 'body.username', message: 'taken' }] });
            throw err;
        }
    }
    async createSession(session) {
        await this.db
            .insertInto('sessions')
            .values({
            id: session.id,
            token_hash: session.tokenHash,
            user_id: session.userId,
            created_at: session.createdAt,
            last_seen_at: session.lastSeenAt,
            expires_at: session.expiresAt,
            revoked_at: null,
            ip: session.ip,
            user_agent: session.userAgent,
        })
            .execute();
    }
    async findActiveSession(tokenHash, now, idleSince) {
        const row = await this.db
            .selectFrom('sessions')
            .innerJoin('users', 'users.id', 'sessions.user_id')
            .selectAll('sessions')
            .select(joinedUserColumns)
            .where('sessions.token_hash', '=', tokenHash)
            .where('sessions.revoked_at', 'is', null)
            .where('sessions.expires_at', '>', now)
            .where('sessions.last_seen_at', '>', idleSince)
            .executeTakeFirst();
        if (!row)
            return null;
        return { session: toSession(row), user: userOfJoined(row) };
    }
    async touchSession(id, at) {
        await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    }
    async getSession(id) {
        const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
        return row ? toSession(row) : null;
    }
    async listActiveSessions(now, idleSince, userId) {
        let query = this.db
            .selectFrom('sessions')
            .selectAll()
            .where('revoked_at', 'is', null)
            .where('expires_at', '>', now)
            .where('last_seen_at', '>', idleSince);
        if (userId !== undefined)
            query = query.where('user_id', '=', userId);
        const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1000).execute();
        return rows.map(toSession);
    }
    async revokeSession(id, at) {
        const result = await this.db
            .updateTable('sessions')
            .set({ revoked_at: at })
            .where('id', '=', id)
            .where('revoked_at', 'is', null)
            .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
    }
    async revokeUserSessions(userId, at, exceptId) {
        let query = this.db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
        if (exceptId !== undefined)
            query = query.where('id', '<>', exceptId);
        const rows = await query.returning('id').execute();
        return rows.map((r) => r.id);
    }
    async createApiToken(token) {
        await this.db.insertInto('api_tokens').values(tokenRow(token)).execute();
    }
    async upsertApiToken(token) {
        const row = tokenRow(token);
        await this.db
            .insertInto('api_tokens')
            .values(row)
            .onConflict((oc) => oc.column('id').doUpdateSet({
            token_hash: row.token_hash,
            prefix: row.prefix,
            name: row.name,
            role: row.role,
            user_id: row.user_id,
            expires_at: row.expires_at,
            revoked_at: null,
        }))
            .execute();
    }
    async findActiveApiToken(tokenHash, now) {
        const row = await this.db
            .selectFrom('api_tokens')
            .innerJoin('users', 'users.id', 'api_tokens.user_id')
            .selectAll('api_tokens')
            .select(joinedUserColumns)
            .where('api_tokens.token_hash', '=', tokenHash)
            .where('api_tokens.revoked_at', 'is', null)
            .where('api_tokens.expires_at', '>', now)
            .executeTakeFirst();
        if (!row)
            return null;
        return { token: toToken(row), user: userOfJoined(row) };
    }
    async touchApiToken(id, at) {
        await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    }
    async getApiToken(id) {
        const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
        return row ? toToken(row) : null;
    }
    async listApiTokens() {
        const rows = await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
        return rows.map(toToken);
    }
    async revokeApiToken(id, at) {
        const result = await this.db
            .updateTable('api_tokens')
            .set({ revoked_at: at })
            .where('id', '=', id)
            .where('revoked_at', 'is', null)
            .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
    }
}
const tokenRow = (token) => ({
    id: token.id,
    token_hash: token.tokenHash,
    prefix: token.prefix,
    name: token.name,
    role: token.role,
    user_id: token.userId,
    created_at: token.createdAt,
    expires_at: token.expiresAt,
    last_used_at: null,
    revoked_at: null,
});
const userOfJoined = (row) => toUser({
    id: row.u_id,
    username: row.u_username,
    role: row.u_role,
    password_hash: row.u_password_hash,
    disabled: row.u_disabled,
    created_at: row.u_created_at,
    updated_at: row.u_updated_at,
    last_login_at: row.u_last_login_at,
});
//# sourceMappingURL=kysely-auth-repository.js.map