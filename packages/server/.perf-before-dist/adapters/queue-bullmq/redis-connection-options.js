export function redisConnectionOptions(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new TypeError('REDIS_URL is not a URL');
    }
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
        throw new TypeError(`REDIS_URL must use redis:// or rediss://, not ${parsed.protocol}//`);
    }
    const options = {
        // URL keeps IPv6 hosts in brackets; ioredis wants the bare address.
        host: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
        port: parsed.port ? Number(parsed.port) : 6379,
        maxRetriesPerRequest: null,
    };
    if (parsed.username)
        options.username = decodeURIComponent(parsed.username);
    if (parsed.password)
        options.password = decodeURIComponent(parsed.password);
    const db = parsed.pathname.replace(/^\//, '');
    if (db) {
        if (!/^\d+$/.test(db))
            throw new TypeError(`REDIS_URL database must be a number, got "${db}"`);
        options.db = Number(db);
    }
    if (parsed.protocol === 'rediss:')
        options.tls = {};
    return options;
}
//# sourceMappingURL=redis-connection-options.js.map