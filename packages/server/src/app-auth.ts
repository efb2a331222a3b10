/**
 * Composition of authentication, accounts and the audit log (part of the composition root, beside
 * app.ts): the argon2id hasher, the repositories over the store, the sign-in throttle and its
 * counters (in memory; with REDIS_URL on Redis, shared by the replicas), the services, the
 * first-start bootstrap (DASHBOARD_ADMIN_PASSWORD / DASHBOARD_ADMIN_TOKEN / setup token) and the
 * routes. The HTTP server and the live feed get lazy views (`authenticator`,
 * `auditSink`, `liveFeedAuth`) at construction; the services exist once the `auth` component has
 * started, right after the store.
 */
import { randomUUID } from 'node:crypto';
import { Argon2PasswordHasher } from './adapters/auth/argon2-password-hasher.js';
import { InMemoryLoginAttempts } from './adapters/auth/in-memory-login-attempts.js';
import { deploymentId } from './adapters/redis/deployment-id.js';
import { loginAttemptsKeyPrefix, RedisLoginAttempts } from './adapters/redis/redis-login-attempts.js';
import { KyselyAuditLogRepository } from './adapters/store/kysely-audit-log-repository.js';
import { KyselyAuthRepository } from './adapters/store/kysely-auth-repository.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import { systemClock, type Clock } from './ports/clock.js';
import type { EventBus } from './ports/event-bus.js';
import type { Store } from './ports/store.js';
import { AuditService } from './services/audit/audit-service.js';
import { AccountAdminService } from './services/auth/account-admin-service.js';
import { bootstrapAuth } from './services/auth/auth-bootstrap.js';
import { AuthService } from './services/auth/auth-service.js';
import { LoginThrottle } from './services/auth/login-throttle.js';
import type { AuditSink } from './transport/http/auth/access-control.js';
import type { RequestAuthenticator } from './transport/http/auth/access-types.js';
import type { HttpServer } from './transport/http/http-server.js';
import { accountRoutes } from './transport/http/routes/account-routes.js';
import { authRoutes } from './transport/http/routes/auth-routes.js';
import type { LiveFeedAuth } from './transport/ws/live-feed-gateway.js';

/** How long the boot waits for the sign-in counters' Redis connection before going on without it. */
const REDIS_LOGIN_WAIT_MS = 2_000;

export interface AuthWiring {
  config: Config;
  logger: Logger;
  bus: EventBus;
  store: () => Store;
  clock?: Clock;
}

export interface AuthServices {
  auth: AuthService;
  accounts: AccountAdminService;
  audit: AuditService;
}

export interface RegisteredAuth {
  /** For createHttpServer: resolves credentials once the services are up. */
  readonly authenticator: RequestAuthenticator;
  readonly auditSink: AuditSink;
  readonly liveFeedAuth: LiveFeedAuth;
  /** Throws before the `auth` component has started. */
  services(): AuthServices;
  /** /api/auth, /api/users, /api/tokens, /api/sessions, /api/audit. */
  registerRoutes(server: HttpServer): void;
  /** Register right after the store. */
  register(lifecycle: Lifecycle): void;
}

export function createAuth(ctx: AuthWiring): RegisteredAuth {
  const clock = ctx.clock ?? systemClock;
  const log = ctx.logger.child({ component: 'auth' });
  // Sign-in failure counters: this process's memory, or with REDIS_URL Redis, shared by every
  // replica of the deployment (keys named after the store they share), with the in-memory
  // counters as the fallback while Redis is unreachable (services/auth/login-throttle.ts).
  const localAttempts = new InMemoryLoginAttempts();
  const sharedAttempts =
    ctx.config.redisUrl === null
      ? null
      : new RedisLoginAttempts({
          url: ctx.config.redisUrl,
          keyPrefix: loginAttemptsKeyPrefix(deploymentId(ctx.config.databaseUrl ?? ctx.config.dataDir)),
          connectionName: `dash-login-${ctx.config.nodeId}`,
          logger: log,
        });
  const throttle = new LoginThrottle(
    sharedAttempts === null
      ? { clock, counters: localAttempts, logger: log }
      : { clock, counters: sharedAttempts, local: localAttempts, logger: log },
  );
  const hasher = new Argon2PasswordHasher();
  let opened: AuthServices | null = null;
  const services = (): AuthServices => {
    if (opened === null) throw new Error('the auth services are not open');
    return opened;
  };

  return {
    authenticator: {
      authenticateSession: (token) => services().auth.authenticateSession(token),
      authenticateToken: (token) => services().auth.authenticateToken(token),
    },
    auditSink: (entry) => services().audit.record(entry),
    liveFeedAuth: { stillValid: (principal) => services().auth.stillValid(principal) },
    services,
    registerRoutes(server) {
      void server.register(authRoutes, { auth: () => services().auth, cookie: { secure: ctx.config.auth.cookieSecure } });
      void server.register(accountRoutes, { resolve: () => ({ accounts: services().accounts, audit: services().audit }) });
    },
    register(lifecycle) {
      // Waits up to REDIS_LOGIN_WAIT_MS for Redis, so the first sign-ins count on it, then boots
      // anyway (the throttle falls back; the connection keeps retrying). Closed after `auth`.
      if (sharedAttempts !== null) {
        lifecycle.register({
          name: 'login-attempts',
          start: () => sharedAttempts.ready(REDIS_LOGIN_WAIT_MS).catch(() => undefined),
          stop: () => sharedAttempts.close(),
        });
      }
      lifecycle.register({
        name: 'auth',
        async start() {
          const { db } = storeDatabaseOf(ctx.store());
          const repo = new KyselyAuthRepository(db);
          const audit = new AuditService({ repo: new KyselyAuditLogRepository(db), clock, newId: randomUUID, logger: log });
          const timings = { sessionMaxAgeMs: ctx.config.auth.sessionMaxAgeMs, sessionIdleMs: ctx.config.auth.sessionIdleMs };
          const auth = new AuthService({ repo, hasher, audit, throttle, bus: ctx.bus, clock, logger: log }, timings);
          const accounts = new AccountAdminService({ repo, hasher, audit, auth, clock });
          await bootstrapAuth({ repo, hasher, clock, logger: log }, { adminPassword: ctx.config.auth.adminPassword, adminToken: ctx.config.auth.adminToken });
          opened = { auth, accounts, audit };
        },
        stop() {
          opened = null;
        },
      });
    },
  };
}
