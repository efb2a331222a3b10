/**
 * Composition of authentication, accounts and the audit log (part of the composition root, beside
 * app.ts): the argon2id hasher, the repositories over the store, the sign-in throttle, the
 * services, the first-start bootstrap (DASHBOARD_ADMIN_PASSWORD / DASHBOARD_ADMIN_TOKEN / setup
 * token) and the routes. The HTTP server and the live feed get lazy views (`authenticator`,
 * `auditSink`, `liveFeedAuth`) at construction; the services exist once the `auth` component has
 * started, right after the store.
 */
import { randomUUID } from 'node:crypto';
import { Argon2PasswordHasher } from './adapters/auth/argon2-password-hasher.js';
import { KyselyAuditLogRepository } from './adapters/store/kysely-audit-log-repository.js';
import { KyselyAuthRepository } from './adapters/store/kysely-auth-repository.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { systemClock } from './ports/clock.js';
import { AuditService } from './services/audit/audit-service.js';
import { AccountAdminService } from './services/auth/account-admin-service.js';
import { bootstrapAuth } from './services/auth/auth-bootstrap.js';
import { AuthService } from './services/auth/auth-service.js';
import { LoginThrottle } from './services/auth/login-throttle.js';
import { accountRoutes } from './transport/http/routes/account-routes.js';
import { authRoutes } from './transport/http/routes/auth-routes.js';
export function createAuth(ctx) {
    const clock = ctx.clock ?? systemClock;
    const log = ctx.logger.child({ component: 'auth' });
    const throttle = new LoginThrottle(clock);
    const hasher = new Argon2PasswordHasher();
    let opened = null;
    const services = () => {
        if (opened === null)
            throw new Error('the auth services are not open');
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
//# sourceMappingURL=app-auth.js.map