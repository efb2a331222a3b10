/**
 * The process logger (pino, JSON lines on stdout). Secrets are redacted structurally (auth
 * headers, cookies, password/token/secret fields) and connection URLs keep everything but their
 * password. Error messages and stacks are masked too, because drivers like to quote the URL they
 * failed to reach. Pretty output is a pipe away: `node dist/main.js | npx pino-pretty`.
 */
import { destination as pinoDestination, pino, stdSerializers } from 'pino';
import { maskCredentials } from '../config/mask-secrets.js';
const URL_KEYS = new Set(['databaseUrl', 'DATABASE_URL', 'redisUrl', 'REDIS_URL', 'connectionString']);
const SECRET_KEYS = ['password', 'token', 'secret', 'apiKey', 'accessToken', 'refreshToken', 'authorization', 'cookie'];
export const REDACT_PATHS = [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["x-api-key"]',
    'res.headers["set-cookie"]',
    'headers.authorization',
    'headers.cookie',
    ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
    ...[...URL_KEYS].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];
/** URL-valued secrets keep their host and database (useful when debugging); the rest vanish. */
function censor(value, path) {
    const key = path[path.length - 1] ?? '';
    if (URL_KEYS.has(key) && typeof value === 'string')
        return maskCredentials(value);
    return '[Redacted]';
}
function maskedError(err) {
    const serialized = stdSerializers.err(err);
    for (const field of ['message', 'stack']) {
        const text = serialized[field];
        if (typeof text === 'string')
            serialized[field] = maskCredentials(text);
    }
    return serialized;
}
export function createLogger(options, destination) {
    const settings = {
        level: options.level,
        base: { pid: process.pid, nodeId: options.nodeId },
        redact: { paths: REDACT_PATHS, censor },
        serializers: { err: maskedError, error: maskedError },
        hooks: {
            // Free-text messages may quote a connection string; mask them like error messages.
            logMethod(args, method) {
                const masked = args.map((arg) => (typeof arg === 'string' ? maskCredentials(arg) : arg));
                return method.apply(this, masked);
            },
        },
    };
    // Synchronous stdout: lines keep their order and none is lost when the process exits right
    // after logging (shutdown, fatal errors). Our volume (a line per request) does not need async.
    return pino(settings, destination ?? pinoDestination({ dest: 1, sync: true }));
}
//# sourceMappingURL=logger.js.map