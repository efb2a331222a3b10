import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import { type Clock } from './ports/clock.js';
import type { EventBus } from './ports/event-bus.js';
import type { Store } from './ports/store.js';
import { AuditService } from './services/audit/audit-service.js';
import { AccountAdminService } from './services/auth/account-admin-service.js';
import { AuthService } from './services/auth/auth-service.js';
import type { AuditSink } from './transport/http/auth/access-control.js';
import type { RequestAuthenticator } from './transport/http/auth/access-types.js';
import type { HttpServer } from './transport/http/http-server.js';
import type { LiveFeedAuth } from './transport/ws/live-feed-gateway.js';
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
export declare function createAuth(ctx: AuthWiring): RegisteredAuth;
