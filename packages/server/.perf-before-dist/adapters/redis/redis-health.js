/**
 * A small Redis connection used only to answer health probes when REDIS_URL is set. It owns its
 * connection: it connects in the background (a Redis outage must not stop the server from
 * booting; /health reports it instead), pings without queueing, and closes on shutdown.
 */
import { Redis } from 'ioredis';
import { maskCredentials } from '../../config/mask-secrets.js';
export function createRedisHealth(url, deps) {
    const log = deps.logger.child({ component: 'redis-health', redisUrl: url });
    const client = new Redis(url, {
        lazyConnect: true,
        // Fail a probe at once instead of queueing it until a reconnect succeeds.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: 5_000,
        connectionName: 'dash-health',
    });
    let lastError = null;
    client.on('error', (err) => {
        const message = maskCredentials(err.message);
        // Reconnect attempts repeat the same error; log it once per change.
        if (message !== lastError)
            log.warn({ err }, 'redis connection error');
        lastError = message;
    });
    client.on('ready', () => {
        if (lastError !== null)
            log.info('redis connection restored');
        lastError = null;
    });
    client.connect().catch(() => {
        // Reported by the 'error' listener; ioredis keeps retrying in the background.
    });
    let closing = null;
    return {
        async ping() {
            if (client.status !== 'ready')
                throw new Error(`not connected (${client.status}${lastError ? `: ${lastError}` : ''})`);
            const reply = await client.ping();
            return `PING ${reply}`;
        },
        close() {
            closing ??= (async () => {
                if (client.status === 'ready') {
                    await client.quit().catch(() => client.disconnect());
                }
                else {
                    client.disconnect();
                }
            })();
            return closing;
        },
    };
}
//# sourceMappingURL=redis-health.js.map