/**
 * Administration of accounts (admin role, enforced by the routes): users (create, change role,
 * disable, set password), API tokens (create — the token is returned once —, list, revoke) and
 * sessions (list, revoke; anyone may list and end their own). Every change is audited, and every
 * change that takes rights away ends the affected live connections on all replicas at once.
 */
import { randomUUID } from 'node:crypto';
import { createApiTokenBody, } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import { actorOf } from './auth-service.js';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './secrets.js';
const DAY_MS = 24 * 3600 * 1000;
export const userView = (u) => ({
    id: u.id,
    username: u.username,
    role: u.role,
    disabled: u.disabled,
    hasPassword: u.passwordHash !== null,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    lastLoginAt: u.lastLoginAt,
});
export class AccountAdminService {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    async listUsers() {
        return (await this.deps.repo.listUsers()).map(userView);
    }
    async createUser(actor, body, client) {
        const now = this.deps.clock.isoNow();
        const created = await this.deps.repo.createUser({
            id: randomUUID(),
            username: body.username,
            role: body.role,
            passwordHash: await this.deps.hasher.hash(body.password),
            disabled: false,
            createdAt: now,
        });
        await this.audit(actor, client, 'user.create', created.username, 201, { role: created.role });
        return userView(created);
    }
    async updateUser(actor, id, body, client) {
        const before = await this.deps.repo.getUser(id);
        if (before === null)
            throw new AppError('NOT_FOUND', { message: `User ${id} not found`, fields: [{ path: 'params.id', message: 'no such user' }] });
        const losesAdmin = before.role === 'admin' && !before.disabled && ((body.role !== undefined && body.role !== 'admin') || body.disabled === true);
        if (losesAdmin && (await this.deps.repo.countEnabledAdmins()) <= 1) {
            throw new AppError('AUTH_LAST_ADMIN', { fields: [{ path: body.disabled === true ? 'body.disabled' : 'body.role', message: 'the last enabled admin' }] });
        }
        const now = this.deps.clock.isoNow();
        const updated = await this.deps.repo.updateUser(id, {
            ...(body.role !== undefined && { role: body.role }),
            ...(body.disabled !== undefined && { disabled: body.disabled }),
            ...(body.password !== undefined && { passwordHash: await this.deps.hasher.hash(body.password) }),
        }, now);
        if (updated === null)
            throw new AppError('NOT_FOUND', { message: `User ${id} not found` });
        // Taking rights away (or resetting the password) ends the user's sessions now; tokens follow
        // the owner's role and enabled flag on every request, and live connections are told below.
        const demoted = body.role !== undefined && body.role !== before.role;
        if (body.disabled === true || demoted || body.password !== undefined) {
            await this.deps.repo.revokeUserSessions(id, now);
            this.deps.auth.publish({ userIds: [id] });
        }
        const changes = { ...(body.role !== undefined && { role: body.role }), ...(body.disabled !== undefined && { disabled: body.disabled }), ...(body.password !== undefined && { password: 'changed' }) };
        await this.audit(actor, client, 'user.update', updated.username, 200, changes);
        return userView(updated);
    }
    // ---- sessions -------------------------------------------------------------------------
    /** Admins see everyone's (or one user's); others only their own. */
    async listSessions(actor, userId) {
        const forUser = actor.role === 'admin' ? userId : actor.userId;
        const now = this.deps.clock.now();
        const sessions = await this.deps.repo.listActiveSessions(iso(now), iso(now - this.deps.auth.timings.sessionIdleMs), forUser);
        const names = new Map((await this.deps.repo.listUsers()).map((u) => [u.id, u.username]));
        return sessions.map((s) => ({
            id: s.id,
            userId: s.userId,
            username: names.get(s.userId) ?? s.userId,
            createdAt: s.createdAt,
            lastSeenAt: s.lastSeenAt,
            expiresAt: s.expiresAt,
            ip: s.ip,
            userAgent: s.userAgent,
            current: s.id === actor.sessionId,
        }));
    }
    async revokeSession(actor, id, client) {
        const session = await this.deps.repo.getSession(id);
        // Someone else's session is "not found" for a non-admin: its existence is not theirs to know.
        if (session === null || (actor.role !== 'admin' && session.userId !== actor.userId)) {
            throw new AppError('NOT_FOUND', { message: `Session ${id} not found`, fields: [{ path: 'params.id', message: 'no such session' }] });
        }
        await this.deps.repo.revokeSession(id, this.deps.clock.isoNow());
        this.deps.auth.publish({ sessionIds: [id] });
        const owner = await this.deps.repo.getUser(session.userId);
        await this.audit(actor, client, 'session.revoke', owner?.username ?? session.userId, 204, { sessionId: id });
    }
    // ---- API tokens -----------------------------------------------------------------------
    async listTokens() {
        const names = new Map((await this.deps.repo.listUsers()).map((u) => [u.id, u.username]));
        return (await this.deps.repo.listApiTokens()).map((t) => tokenView(t, names.get(t.userId) ?? t.userId));
    }
    async createToken(actor, input, client) {
        const body = createApiTokenBody.parse(input);
        const now = this.deps.clock.now();
        const token = newSecret(API_TOKEN_PREFIX);
        const record = {
            id: randomUUID(),
            tokenHash: hashSecret(token),
            prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
            name: body.name,
            role: body.role,
            userId: actor.userId,
            createdAt: iso(now),
            expiresAt: iso(now + body.expiresInDays * DAY_MS),
            lastUsedAt: null,
            revokedAt: null,
        };
        await this.deps.repo.createApiToken(record);
        await this.audit(actor, client, 'token.create', body.name, 201, { tokenId: record.id, role: body.role, expiresAt: record.expiresAt });
        return { token, apiToken: tokenView(record, actor.username) };
    }
    async revokeToken(actor, id, client) {
        const existing = await this.deps.repo.getApiToken(id);
        if (existing === null)
            throw new AppError('NOT_FOUND', { message: `Token ${id} not found`, fields: [{ path: 'params.id', message: 'no such token' }] });
        await this.deps.repo.revokeApiToken(id, this.deps.clock.isoNow());
        this.deps.auth.publish({ tokenIds: [id] });
        await this.audit(actor, client, 'token.revoke', existing.name, 200, { tokenId: id });
        const owner = await this.deps.repo.getUser(existing.userId);
        return tokenView((await this.deps.repo.getApiToken(id)) ?? existing, owner?.username ?? existing.userId);
    }
    audit(actor, client, action, target, status, detail) {
        return this.deps.audit.record({ ...actorOf(actor), ip: client.ip, userAgent: client.userAgent, action, target, status, outcome: 'ok', detail });
    }
}
const iso = (ms) => new Date(ms).toISOString();
const tokenView = (t, username) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    userId: t.userId,
    username,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
});
//# sourceMappingURL=account-admin-service.js.map