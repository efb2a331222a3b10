export function securityConfigFrom(e) {
    const need = (value, name) => {
        if (value === undefined)
            throw new Error(`config: ${name} has no default`);
        return value;
    };
    return {
        auth: {
            adminPassword: e.DASHBOARD_ADMIN_PASSWORD ?? null,
            adminToken: e.DASHBOARD_ADMIN_TOKEN ?? null,
            sessionMaxAgeMs: need(e.SESSION_MAX_AGE, 'SESSION_MAX_AGE'),
            sessionIdleMs: need(e.SESSION_IDLE_TIMEOUT, 'SESSION_IDLE_TIMEOUT'),
            cookieSecure: e.SESSION_COOKIE_SECURE ?? e.NODE_ENV === 'production',
        },
        security: {
            corsOrigins: e.CORS_ORIGINS ?? [],
            trustProxy: e.TRUST_PROXY ?? false,
            rateLimits: {
                auth: need(e.RATE_LIMIT_AUTH, 'RATE_LIMIT_AUTH'),
                write: need(e.RATE_LIMIT_WRITE, 'RATE_LIMIT_WRITE'),
                read: need(e.RATE_LIMIT_READ, 'RATE_LIMIT_READ'),
            },
            metricsToken: e.METRICS_TOKEN ?? null,
        },
    };
}
//# sourceMappingURL=security-config.js.map