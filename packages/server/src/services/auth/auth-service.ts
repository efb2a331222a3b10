/**
 * Authentication: resolving a session cookie or an API token to a Principal on every request
 * (always from the store, so a revocation is effective on the next request on every replica),
 * sign-in with throttling, sign-out, first-run setup and password changes. Every sign-in attempt
 * is audited, failures included (with the name tried, never the password).
 */
import { randomUUID } from 'node:crypto';
import { lowerRole, type ChangePasswordBody, type LoginBody, type SetupBody } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import { actorName, type Principal } from '../../domain/auth/principal.js';
import type { AuthRepository, SessionRecord, UserRecord } from '../../ports/auth-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { PasswordHasher } from '../../ports/password-hasher.js';
import type { AuditService } from '../audit/audit-service.js';
import { AUTH_REVOKED_TOPIC, TOUCH_INTERVAL_MS, type AuthTimings, type ClientInfo, type Revocation } from './auth-types.js';
import type { LoginThrottle } from './login-throttle.js';
import { csrfTokenFor, hashSecret, newSecret } from './secrets.js';

export interface AuthServiceDeps {
  repo: AuthRepository;
  hasher: PasswordHasher;
  audit: AuditService;
  throttle: LoginThrottle;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
}

export interface SignedIn {
  principal: Principal;
  /** The cookie value; never stored, never logged. */
  sessionToken: string;
}

export class AuthService {
  /** A valid hash to verify against when the user does not exist, so timing does not tell. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly deps: AuthServiceDeps,
    readonly timings: AuthTimings,
  ) {}

  // ---- per request ------------------------------------------------------------------------

  async authenticateSession(sessionToken: string): Promise<Principal | null> {
    const now = this.deps.clock.now();
    const found = await this.deps.repo.findActiveSession(hashSecret(sessionToken), iso(now), iso(now - this.timings.sessionIdleMs));
    if (found === null || found.user.disabled) return null;
    this.touchSession(found.session, now);
    return sessionPrincipal(found.session, found.user, csrfTokenFor(sessionToken));
  }

  async authenticateToken(token: string): Promise<Principal | null> {
    const now = this.deps.clock.now();
    const found = await this.deps.repo.findActiveApiToken(hashSecret(token), iso(now));
    if (found === null || found.user.disabled) return null;
    if (found.token.lastUsedAt === null || now - Date.parse(found.token.lastUsedAt) >= TOUCH_INTERVAL_MS) {
      this.background(this.deps.repo.touchApiToken(found.token.id, iso(now)));
    }
    return {
      kind: 'token',
      userId: found.user.id,
      username: found.user.username,
      role: lowerRole(found.token.role, found.user.role),
      sessionId: null,
      tokenId: found.token.id,
      tokenName: found.token.name,
      expiresAt: found.token.expiresAt,
      csrfToken: null,
    };
  }

  /**
   * Whether the credential behind a long-lived connection (the live feed) still holds: not revoked,
   * not expired, its user enabled with a role at least as high. Counts as activity for the session.
   */
  async stillValid(principal: Principal): Promise<boolean> {
    const now = this.deps.clock.now();
    const user = await this.deps.repo.getUser(principal.userId);
    if (user === null || user.disabled || (principal.kind === 'session' && user.role !== principal.role)) return false;
    if (principal.kind === 'session' && principal.sessionId !== null) {
      const session = await this.deps.repo.getSession(principal.sessionId);
      if (session === null || session.revokedAt !== null || Date.parse(session.expiresAt) <= now) return false;
      if (Date.parse(session.lastSeenAt) <= now - this.timings.sessionIdleMs) return false;
      this.touchSession(session, now);
      return true;
    }
    if (principal.tokenId === null) return false;
    const token = await this.deps.repo.getApiToken(principal.tokenId);
    return token !== null && token.revokedAt === null && Date.parse(token.expiresAt) > now && lowerRole(token.role, user.role) === principal.role;
  }

  // ---- sign-in and out -------------------------------------------------------------------

  async login(body: LoginBody, client: ClientInfo): Promise<SignedIn> {
    const name = body.username.trim().toLowerCase();
    const address = client.ip ?? 'unknown';
    const wait = await this.deps.throttle.retryAfterMs(name, address);
    if (wait > 0) {
      await this.audit(client, { actorKind: 'anonymous', actorName: name, action: 'auth.login_throttled', outcome: 'denied', status: 429 });
      throw new AppError('AUTH_THROTTLED', { details: { retryAfterSeconds: Math.ceil(wait / 1000) } });
    }
    const user = await this.deps.repo.findUserByUsername(name);
    const ok = await this.deps.hasher.verify(user?.passwordHash ?? (await this.dummy()), body.password);
    if (user === null || user.passwordHash === null || user.disabled || !ok) {
      await this.deps.throttle.failed(name, address);
      const reason = user === null ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password';
      await this.audit(client, {
        actorKind: 'anonymous',
        actorId: user?.id ?? null,
        actorName: name,
        action: 'auth.login_failed',
        outcome: 'failed',
        status: 401,
        detail: { reason },
      });
      throw new AppError('AUTH_LOGIN_FAILED');
    }
    await this.deps.throttle.succeeded(name);
    const signedIn = await this.startSession(user, client);
    await this.deps.repo.recordLogin(user.id, this.deps.clock.isoNow());
    await this.audit(client, { ...actorOf(signedIn.principal), action: 'auth.login', outcome: 'ok', status: 200 });
    return signedIn;
  }

  async logout(principal: Principal, client: ClientInfo): Promise<void> {
    if (principal.kind !== 'session' || principal.sessionId === null) return;
    await this.deps.repo.revokeSession(principal.sessionId, this.deps.clock.isoNow());
    this.publish({ sessionIds: [principal.sessionId] });
    await this.audit(client, { ...actorOf(principal), action: 'auth.logout', outcome: 'ok', status: 204 });
  }

  async changePassword(principal: Principal, body: ChangePasswordBody, client: ClientInfo): Promise<void> {
    const user = await this.deps.repo.getUser(principal.userId);
    if (user === null || user.passwordHash === null || !(await this.deps.hasher.verify(user.passwordHash, body.currentPassword))) {
      await this.audit(client, { ...actorOf(principal), action: 'auth.password_change', outcome: 'failed', status: 401 });
      throw new AppError('AUTH_LOGIN_FAILED', { message: 'The current password is wrong', fields: [{ path: 'body.currentPassword', message: 'wrong password' }] });
    }
    const now = this.deps.clock.isoNow();
    await this.deps.repo.updateUser(user.id, { passwordHash: await this.deps.hasher.hash(body.newPassword) }, now);
    // Other browsers signed in as this user must sign in again with the new password.
    const revoked = await this.deps.repo.revokeUserSessions(user.id, now, principal.sessionId ?? undefined);
    if (revoked.length > 0) this.publish({ sessionIds: revoked });
    await this.audit(client, { ...actorOf(principal), action: 'auth.password_change', outcome: 'ok', status: 204, detail: { sessionsEnded: revoked.length } });
  }

  // ---- first run ---------------------------------------------------------------------------

  async setupRequired(): Promise<boolean> {
    return (await this.deps.repo.countUsersWithPassword()) === 0;
  }

  async setup(body: SetupBody, client: ClientInfo): Promise<SignedIn> {
    const now = this.deps.clock.isoNow();
    const user = { id: randomUUID(), username: body.username, role: 'admin' as const, passwordHash: await this.deps.hasher.hash(body.password), disabled: false, createdAt: now };
    const outcome = await this.deps.repo.completeSetup(hashSecret(body.setupToken.trim()), user, now);
    if (outcome !== 'created') {
      await this.audit(client, { actorKind: 'anonymous', actorName: body.username, action: 'auth.setup', outcome: 'failed', status: outcome === 'closed' ? 409 : 401 });
      throw new AppError(outcome === 'closed' ? 'AUTH_SETUP_CLOSED' : 'AUTH_SETUP_TOKEN_INVALID');
    }
    const created = (await this.deps.repo.getUser(user.id)) as UserRecord;
    const signedIn = await this.startSession(created, client);
    await this.audit(client, { ...actorOf(signedIn.principal), action: 'auth.setup', target: created.username, outcome: 'ok', status: 201 });
    return signedIn;
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Tells every replica to drop live connections made with these credentials. */
  publish(revocation: Revocation): void {
    this.deps.bus.publish(AUTH_REVOKED_TOPIC, revocation);
  }

  private async startSession(user: UserRecord, client: ClientInfo): Promise<SignedIn> {
    const now = this.deps.clock.now();
    const sessionToken = newSecret();
    const session: SessionRecord = {
      id: randomUUID(),
      tokenHash: hashSecret(sessionToken),
      userId: user.id,
      createdAt: iso(now),
      lastSeenAt: iso(now),
      expiresAt: iso(now + this.timings.sessionMaxAgeMs),
      revokedAt: null,
      ip: client.ip,
      userAgent: client.userAgent === null ? null : client.userAgent.slice(0, 300),
    };
    await this.deps.repo.createSession(session);
    return { principal: sessionPrincipal(session, user, csrfTokenFor(sessionToken)), sessionToken };
  }

  private touchSession(session: SessionRecord, now: number): void {
    if (now - Date.parse(session.lastSeenAt) < TOUCH_INTERVAL_MS) return;
    this.background(this.deps.repo.touchSession(session.id, iso(now)));
  }

  private background(work: Promise<void>): void {
    work.catch((err: unknown) => this.deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not record credential use'));
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.deps.hasher.hash(newSecret());
    return this.dummyHash;
  }

  private audit(client: ClientInfo, entry: Parameters<AuditService['record']>[0]): Promise<void> {
    return this.deps.audit.record({ ip: client.ip, userAgent: client.userAgent, ...entry });
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();

function sessionPrincipal(session: SessionRecord, user: UserRecord, csrfToken: string): Principal {
  return {
    kind: 'session',
    userId: user.id,
    username: user.username,
    role: user.role,
    sessionId: session.id,
    tokenId: null,
    tokenName: null,
    expiresAt: session.expiresAt,
    csrfToken,
  };
}

/** The audit actor fields of a principal. */
export const actorOf = (p: Principal): { actorKind: 'user' | 'token'; actorId: string; actorName: string } => ({
  actorKind: p.kind === 'session' ? 'user' : 'token',
  actorId: p.userId,
  actorName: actorName(p),
});
