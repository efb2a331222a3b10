/**
 * THE credentials helper for tests. Every API and live-feed call in a test authenticates the way
 * a real client does; nothing turns authentication off.
 *
 *  - Spawned server (server-process.ts): `startServer()` sets DASHBOARD_ADMIN_TOKEN and
 *    DASHBOARD_ADMIN_PASSWORD to fresh random values (the same variables an operator uses to
 *    provision automation and the first admin; pass `bootstrapAdmin: false` to start without
 *    them). Use `server.api(path, init)` (fetch with the admin token), `server.authHeaders()`
 *    (for `ws` clients and custom fetches), `server.adminPassword` (browser sign-in as `admin`).
 *  - In-process app (createApp + loadConfig): spread `adminTokenEnv()` into the environment and
 *    send `bearer(ADMIN)` with the token it returns.
 *  - In-process Fastify (createHttpServer + route plugins + `inject`): `makeTestAuth()` opens the
 *    real auth services on a SQLite store (or the store you pass), with an admin API token;
 *    give `auth.authenticator` to createHttpServer and `auth.headers()` to every request
 *    (`auth.headers('viewer')` for a token of another role). `inject` keeps no defaults, so wrap it
 *    once per file: `const api = (o) => server.inject({ ...o, headers: { ...auth.headers(), ...o.headers } })`.
 *
 * Tokens are stored hashed (SHA-256), exactly as in production.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { UserRole } from '@dash/shared';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createAuth, type AuthServices } from '../../src/app-auth.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import type { Config } from '../../src/config/config.js';
import { Lifecycle } from '../../src/lifecycle/lifecycle.js';
import { LocalEventBus } from '../../src/adapters/bus-local/local-event-bus.js';
import type { EventBus } from '../../src/ports/event-bus.js';
import { createLogger, type Logger } from '../../src/observability/logger.js';
import type { Store } from '../../src/ports/store.js';
import type { AuditSink } from '../../src/transport/http/auth/access-control.js';
import type { RequestAuthenticator } from '../../src/transport/http/auth/access-types.js';
import type { LiveFeedAuth } from '../../src/transport/ws/live-feed-gateway.js';
import { makeTempDir } from './temp-dir.js';

/** A random secret of the shape DASHBOARD_ADMIN_TOKEN expects (≥ 32 characters, no spaces). */
export const randomAdminToken = (): string => `test_${randomBytes(24).toString('base64url')}`;
/** A random password that satisfies the password policy. */
export const randomPassword = (): string => `pw-${randomBytes(12).toString('base64url')}`;

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** Environment for an in-process app: an admin token for automation (use with `bearer`). */
export function adminTokenEnv(token = randomAdminToken()): { env: { DASHBOARD_ADMIN_TOKEN: string }; token: string } {
  return { env: { DASHBOARD_ADMIN_TOKEN: token }, token };
}

export interface TestAuth {
  readonly authenticator: RequestAuthenticator;
  readonly auditSink: AuditSink;
  readonly liveFeedAuth: LiveFeedAuth;
  readonly services: AuthServices;
  /** The store the auth tables live in. */
  readonly store: Store;
  readonly bus: EventBus;
  /** The admin API token (DASHBOARD_ADMIN_TOKEN). */
  readonly adminToken: string;
  /** Authorization header of a token of `role` (admin by default); tokens are made once per role. */
  headers(role?: UserRole): Record<string, string>;
  /** Makes the tokens for the other roles (call once before using headers('viewer'|'manager')). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAuthOptions {
  /** Keep the auth tables in this (already open) store; default: a new SQLite file. */
  store?: Store;
  /** Publish revocations on this bus (the one the live feed follows). */
  bus?: EventBus;
  /** Where the auth services log (e.g. a capturing pino logger). Default: silent. */
  logger?: Logger;
}

export async function makeTestAuth(options: TestAuthOptions = {}): Promise<TestAuth> {
  const dir = options.store ? null : await makeTempDir('dash-auth-');
  const store = options.store ?? (await openStore({ kind: 'sqlite', file: join(dir?.path ?? '', 'dashboard.sqlite') }));
  const bus = options.bus ?? new LocalEventBus();
  const adminToken = randomAdminToken();
  const config = {
    auth: { adminPassword: null, adminToken, sessionMaxAgeMs: 3600_000, sessionIdleMs: 3600_000, cookieSecure: false },
    // In-memory sign-in counters (app-auth.ts uses Redis when this is set).
    redisUrl: null,
  } as Config;
  const logger = options.logger ?? createLogger({ level: 'silent', nodeId: 'test-auth' });
  const auth = createAuth({ config, logger, bus, store: () => store });
  const lifecycle = new Lifecycle({ logger, drainTimeoutMs: 1_000 });
  auth.register(lifecycle);
  await lifecycle.start();
  const tokens: Partial<Record<UserRole, string>> = { admin: adminToken };
  const services = auth.services();

  return {
    authenticator: auth.authenticator,
    auditSink: auth.auditSink,
    liveFeedAuth: auth.liveFeedAuth,
    services,
    store,
    bus,
    adminToken,
    headers(role: UserRole = 'admin') {
      const token = tokens[role];
      if (token === undefined) throw new Error(`no ${role} token yet: await auth.ready() first`);
      return bearer(token);
    },
    async ready() {
      const admin = await services.auth.authenticateToken(adminToken);
      if (admin === null) throw new Error('the admin token does not authenticate');
      for (const role of ['viewer', 'manager'] as const) {
        tokens[role] ??= (await services.accounts.createToken(admin, { name: `test-${role}`, role }, { ip: null, userAgent: null })).token;
      }
    },
    async close() {
      await lifecycle.stop();
      if (!options.store) await store.close();
      await dir?.cleanup();
    },
  };
}


/** `server.inject` with the given credentials (admin by default): `inject(server, { method, url })`. */
export function authedInject(auth: { headers(role?: UserRole): Record<string, string> }, role: UserRole = 'admin') {
  return (server: { inject(options: InjectOptions): Promise<LightMyRequestResponse> }, options: InjectOptions): Promise<LightMyRequestResponse> =>
    server.inject({ ...options, headers: { ...auth.headers(role), ...options.headers } });
}

/** fetch with `Authorization: Bearer <token>` (and a JSON content type when a body is given). */
export function authedFetch(token: string): (url: string, init?: RequestInit) => Promise<Response> {
  return (url, init = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(url, { ...init, headers });
  };
}
