/**
 * The AuthRepository and AuditLogRepository contract, run against real databases by
 * test/integration/auth-store-*.test.ts: users, setup tokens, sessions (active, idle, expired,
 * revoked), API tokens (active, expired, revoked, upsert) and the append-only audit log with its
 * filters and keyset pages. Each suite gets a fresh database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogRepository, NewAuditEntry } from '../../src/ports/audit-log.js';
import type { AuthRepository, NewUser } from '../../src/ports/auth-repository.js';

export interface AuthStoreUnderTest {
  auth: AuthRepository;
  audit: AuditLogRepository;
  /** Tries to UPDATE and DELETE an audit row directly in SQL; resolves with the two errors. */
  tamperWithAudit(id: string): Promise<{ update: unknown; remove: unknown }>;
  cleanup(): Promise<void>;
}

const T0 = '2030-01-01T00:00:00.000Z';
const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const newUser = (over: Partial<NewUser> = {}): NewUser => ({
  id: randomUUID(),
  username: `u${randomUUID().slice(0, 8)}`,
  role: 'viewer',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
  disabled: false,
  createdAt: T0,
  ...over,
});

export function defineAuthRepositoryContract(name: string, factory: () => Promise<AuthStoreUnderTest>): void {
  describe(`AuthRepository contract: ${name}`, () => {
    let sut: AuthStoreUnderTest;
    let repo: AuthRepository;
    beforeAll(async () => {
      sut = await factory();
      repo = sut.auth;
    });
    afterAll(async () => {
      await sut?.cleanup();
    });

    it('opens setup while no user has a password, and closes it with the first admin (once)', async () => {
      expect(await repo.countUsersWithPassword()).toBe(0);
      await repo.createUser(newUser({ username: 'automation', role: 'admin', passwordHash: null }));
      expect(await repo.countUsersWithPassword()).toBe(0);
      await repo.addSetupToken('hash-expired', at(0), at(1));
      await repo.addSetupToken('hash-good', at(0), at(60));
      expect(await repo.completeSetup('hash-wrong', newUser({ role: 'admin' }), at(5))).toBe('invalid');
      expect(await repo.completeSetup('hash-expired', newUser({ role: 'admin' }), at(5))).toBe('invalid');
      const first = newUser({ username: 'first-admin', role: 'admin' });
      expect(await repo.completeSetup('hash-good', first, at(5))).toBe('created');
      expect(await repo.completeSetup('hash-good', newUser({ role: 'admin' }), at(6))).toBe('closed');
      expect(await repo.findUserByUsername('first-admin')).toMatchObject({ id: first.id, role: 'admin', disabled: false });
      expect(await repo.countUsersWithPassword()).toBe(1);
    });

    it('keeps usernames unique, updates role/disabled/password and counts enabled admins', async () => {
      const u = await repo.createUser(newUser({ username: 'carol', role: 'manager' }));
      await expect(repo.createUser(newUser({ username: 'carol' }))).rejects.toMatchObject({ code: 'AUTH_USERNAME_TAKEN' });
      const admins = await repo.countEnabledAdmins();
      const promoted = await repo.updateUser(u.id, { role: 'admin' }, at(10));
      expect(promoted).toMatchObject({ role: 'admin', updatedAt: at(10) });
      expect(await repo.countEnabledAdmins()).toBe(admins + 1);
      expect(await repo.updateUser(u.id, { disabled: true, passwordHash: 'new-hash' }, at(11))).toMatchObject({ disabled: true, passwordHash: 'new-hash' });
      expect(await repo.countEnabledAdmins()).toBe(admins);
      expect(await repo.updateUser('no-such-user', { role: 'viewer' }, at(12))).toBeNull();
      await repo.recordLogin(u.id, at(13));
      expect((await repo.getUser(u.id))?.lastLoginAt).toBe(at(13));
      expect((await repo.listUsers()).map((x) => x.username)).toContain('carol');
    });

    it('finds a session only while it is neither revoked, expired nor idle', async () => {
      const u = await repo.createUser(newUser());
      const base = { userId: u.id, createdAt: at(0), lastSeenAt: at(0), ip: '127.0.0.1', userAgent: 'test' };
      await repo.createSession({ ...base, id: 's-live', tokenHash: 'h-live', expiresAt: at(600) });
      await repo.createSession({ ...base, id: 's-old', tokenHash: 'h-old', expiresAt: at(5) });
      await repo.createSession({ ...base, id: 's-other', tokenHash: 'h-other', expiresAt: at(600) });
      expect((await repo.findActiveSession('h-live', at(10), at(-60)))?.session.id).toBe('s-live');
      expect((await repo.findActiveSession('h-live', at(10), at(-60)))?.user.id).toBe(u.id);
      expect(await repo.findActiveSession('h-old', at(10), at(-60))).toBeNull();
      // Idle: last seen before the idle cut-off; touching it brings it back.
      expect(await repo.findActiveSession('h-live', at(10), at(1))).toBeNull();
      await repo.touchSession('s-live', at(9));
      expect(await repo.findActiveSession('h-live', at(10), at(1))).not.toBeNull();
      expect((await repo.listActiveSessions(at(10), at(-60), u.id)).map((s) => s.id).sort()).toEqual(['s-live', 's-other']);
      expect(await repo.revokeSession('s-live', at(11))).toBe(true);
      expect(await repo.revokeSession('s-live', at(12))).toBe(false);
      expect(await repo.findActiveSession('h-live', at(13), at(-60))).toBeNull();
      expect((await repo.getSession('s-live'))?.revokedAt).toBe(at(11));
      // Every session not yet revoked (the expired one too: harmless, and nothing is left behind).
      expect((await repo.revokeUserSessions(u.id, at(14))).sort()).toEqual(['s-old', 's-other']);
      expect(await repo.listActiveSessions(at(15), at(-60), u.id)).toEqual([]);
    });

    it('revokes all of a user\'s sessions except the current one', async () => {
      const u = await repo.createUser(newUser());
      for (const id of ['a', 'b', 'c']) {
        await repo.createSession({ id: `${u.id}-${id}`, tokenHash: `${u.id}-h-${id}`, userId: u.id, createdAt: at(0), lastSeenAt: at(0), expiresAt: at(600), ip: null, userAgent: null });
      }
      expect((await repo.revokeUserSessions(u.id, at(1), `${u.id}-b`)).sort()).toEqual([`${u.id}-a`, `${u.id}-c`]);
      expect((await repo.listActiveSessions(at(2), at(-60), u.id)).map((s) => s.id)).toEqual([`${u.id}-b`]);
    });

    it('finds an API token only while it is neither revoked nor expired; upsert un-revokes and rotates', async () => {
      const owner = await repo.createUser(newUser({ role: 'admin' }));
      const token = { id: randomUUID(), tokenHash: `th-${randomUUID()}`, prefix: 'dat_ab', name: 'ci', role: 'viewer' as const, userId: owner.id, createdAt: at(0), expiresAt: at(60) };
      await repo.createApiToken(token);
      expect(await repo.findActiveApiToken(token.tokenHash, at(1))).toMatchObject({ token: { id: token.id, role: 'viewer' }, user: { id: owner.id } });
      expect(await repo.findActiveApiToken(token.tokenHash, at(61))).toBeNull();
      await repo.touchApiToken(token.id, at(2));
      expect((await repo.getApiToken(token.id))?.lastUsedAt).toBe(at(2));
      expect(await repo.revokeApiToken(token.id, at(3))).toBe(true);
      expect(await repo.revokeApiToken(token.id, at(4))).toBe(false);
      expect(await repo.findActiveApiToken(token.tokenHash, at(5))).toBeNull();
      await repo.upsertApiToken({ ...token, tokenHash: `${token.tokenHash}-2`, role: 'admin', expiresAt: at(600) });
      expect(await repo.findActiveApiToken(token.tokenHash, at(6))).toBeNull();
      expect(await repo.findActiveApiToken(`${token.tokenHash}-2`, at(6))).toMatchObject({ token: { role: 'admin', revokedAt: null } });
      expect((await repo.listApiTokens()).filter((t) => t.id === token.id)).toHaveLength(1);
    });
  });

  describe(`AuditLogRepository contract: ${name}`, () => {
    let sut: AuditStoreHandle;
    type AuditStoreHandle = AuthStoreUnderTest;
    let audit: AuditLogRepository;
    beforeAll(async () => {
      sut = await factory();
      audit = sut.audit;
    });
    afterAll(async () => {
      await sut?.cleanup();
    });
    const entry = (over: Partial<NewAuditEntry>): NewAuditEntry => ({
      id: randomUUID(),
      at: T0,
      actorKind: 'user',
      actorId: 'u1',
      actorName: 'alice',
      action: 'POST /api/tasks',
      target: null,
      status: 201,
      outcome: 'ok',
      ip: '127.0.0.1',
      userAgent: 'vitest',
      detail: null,
      ...over,
    });

    it('lists newest first with filters and keyset pages, detail round-tripped', async () => {
      await audit.append(entry({ at: at(1), actorName: 'alice', action: 'auth.login' }));
      await audit.append(entry({ at: at(2), actorName: 'bob', action: 'auth.login_failed', outcome: 'failed', actorKind: 'anonymous', actorId: null, status: 401 }));
      await audit.append(entry({ at: at(3), actorName: 'alice', action: 'POST /api/tasks', target: 'id=t1', detail: { role: 'viewer', n: 2 } }));
      await audit.append(entry({ at: at(4), actorName: 'alice', action: 'auth_100%_odd', detail: null }));
      const all = await audit.list({ limit: 10 });
      expect(all.items.map((e) => e.action)).toEqual(['auth_100%_odd', 'POST /api/tasks', 'auth.login_failed', 'auth.login']);
      expect(all.items[1]?.detail).toEqual({ role: 'viewer', n: 2 });
      expect(all.nextCursor).toBeNull();
      expect((await audit.list({ limit: 10, actor: 'bob' })).items.map((e) => e.action)).toEqual(['auth.login_failed']);
      expect((await audit.list({ limit: 10, actor: 'u1' })).items).toHaveLength(3);
      // Prefix match; `_` and `%` in the filter are literal, not wildcards.
      expect((await audit.list({ limit: 10, action: 'auth.' })).items.map((e) => e.action)).toEqual(['auth.login_failed', 'auth.login']);
      expect((await audit.list({ limit: 10, action: 'auth_' })).items.map((e) => e.action)).toEqual(['auth_100%_odd']);
      expect((await audit.list({ limit: 10, outcome: 'failed' })).items).toHaveLength(1);
      expect((await audit.list({ limit: 10, from: at(2), to: at(3) })).items.map((e) => e.at)).toEqual([at(3), at(2)]);
      const first = await audit.list({ limit: 3 });
      expect(first.items).toHaveLength(3);
      expect(first.nextCursor).not.toBeNull();
      const second = await audit.list({ limit: 3, beforeSeq: first.nextCursor ?? 0 });
      expect(second.items.map((e) => e.action)).toEqual(['auth.login']);
      expect(second.nextCursor).toBeNull();
    });

    it('refuses UPDATE and DELETE on the audit log (append-only in the database itself)', async () => {
      const id = randomUUID();
      await audit.append(entry({ id }));
      const { update, remove } = await sut.tamperWithAudit(id);
      expect(String(update)).toContain('append-only');
      expect(String(remove)).toContain('append-only');
      expect((await audit.list({ limit: 500 })).items.some((e) => e.id === id)).toBe(true);
    });
  });
}
