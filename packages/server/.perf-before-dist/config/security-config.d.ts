/**
 * The security slice of the configuration (docs/configuration.md, docs/security.md): first-admin
 * bootstrap, session lifetimes and cookie, CORS allow-list, proxy trust, rate limits and the
 * optional /metrics token. Built from the parsed environment by load-config.ts.
 */
import type { ParsedEnv } from './env-schema.js';
export interface AuthConfig {
    /** DASHBOARD_ADMIN_PASSWORD: the first admin's password (ignored once an admin exists). */
    adminPassword: string | null;
    /** DASHBOARD_ADMIN_TOKEN: an admin API token for automation (stored hashed). */
    adminToken: string | null;
    /** SESSION_MAX_AGE. @default 7 days */
    sessionMaxAgeMs: number;
    /** SESSION_IDLE_TIMEOUT. @default 12 h */
    sessionIdleMs: number;
    /** SESSION_COOKIE_SECURE. @default true when NODE_ENV=production */
    cookieSecure: boolean;
}
export interface SecurityConfig {
    /** CORS_ORIGINS; empty = same-origin only. */
    corsOrigins: string[];
    /** TRUST_PROXY (Fastify trustProxy). @default false */
    trustProxy: boolean | number | string;
    /** RATE_LIMIT_AUTH / _WRITE / _READ: requests per minute per address; 0 = unlimited. */
    rateLimits: {
        auth: number;
        write: number;
        read: number;
    };
    /** METRICS_TOKEN: bearer token /metrics needs; null = open. */
    metricsToken: string | null;
}
export declare function securityConfigFrom(e: ParsedEnv): {
    auth: AuthConfig;
    security: SecurityConfig;
};
