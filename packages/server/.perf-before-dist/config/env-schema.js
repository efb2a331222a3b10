/**
 * The one schema over the process environment. Every variable the server reads is declared here
 * with what it expects; unset or blank means "use the default". Defaults that depend on the
 * machine (cwd, hostname, pid, install path) are resolved by load-config.ts.
 * docs/configuration.md documents each variable; keep the two in step.
 */
import { isAbsolute, normalize } from 'node:path';
import { parseWorkspaceRepos } from './workspace-config.js';
import { z } from 'zod';
import { cronScheduleProblem, isTimeZone } from '../adapters/cron/cron-parser-schedule.js';
import { DURATION_EXAMPLES, parseDuration } from './duration.js';
import { originList, passwordText, secretText, trustProxy } from './security-env.js';
import { parseServiceRole, SERVICE_ROLE_HINT } from './service-role.js';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
export const NODE_ENVS = ['development', 'production', 'test'];
/**
 * A variable parsed by `parse`; `expected` is the whole complaint printed when it fails. When the
 * variable is unset, `fallback` (if any) is parsed instead, so defaults go through the same rules.
 */
function envVar(expected, parse, fallback) {
    return z
        .string()
        .optional()
        .transform((raw, ctx) => {
        const text = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
        if (text === undefined)
            return undefined;
        const value = parse(text);
        if (value === undefined) {
            ctx.addIssue({ code: 'custom', message: expected, input: raw });
            return z.NEVER;
        }
        return value;
    });
}
const oneOf = (values) => (raw) => values.includes(raw) ? raw : undefined;
const integer = (min, max) => (raw) => {
    if (!/^\d+$/.test(raw))
        return undefined;
    const n = Number(raw);
    return n >= min && n <= max ? n : undefined;
};
/** A URL whose scheme is one of `protocols` (with the trailing colon, as URL reports it). */
const urlWith = (protocols) => (raw) => {
    if (!URL.canParse(raw))
        return undefined;
    const url = new URL(raw);
    return protocols.includes(url.protocol) ? raw : undefined;
};
const httpUrl = (raw) => {
    const ok = urlWith(['http:', 'https:'])(raw);
    return ok === undefined ? undefined : ok.replace(/\/+$/, '');
};
const duration = (minMs) => (raw) => {
    const ms = parseDuration(raw);
    return ms !== null && ms >= minMs ? ms : undefined;
};
const BOOLEANS = { true: true, '1': true, yes: true, on: true, false: false, '0': false, no: false, off: false };
const boolean = (raw) => BOOLEANS[raw.toLowerCase()];
/** Comma-separated http(s) URLs, de-duplicated (alert webhooks). */
const httpUrls = (raw) => {
    const parts = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
    const urls = parts.map((p) => httpUrl(p));
    return urls.length > 0 && urls.every((u) => u !== undefined) ? [...new Set(urls)] : undefined;
};
const positiveAmount = (raw) => (/^\d+(\.\d+)?$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined);
const nonEmptyToken = (raw) => (/^\S+$/.test(raw) ? raw : undefined);
/** 32 bytes of strict base64 (the memory encryption key); the value itself is kept as text. */
const base64Key32 = (raw) => /^[A-Za-z0-9+/]+={0,2}$/.test(raw) && raw.length % 4 === 0 && Buffer.from(raw, 'base64').length === 32 ? raw : undefined;
export const MEMORY_EMBEDDING_PROVIDERS = ['use-lite', 'hash', 'http'];
export const MEMORY_VECTOR_INDEXES = ['auto', 'sqlite-vec', 'pgvector', 'in-memory'];
const MEMORY_KEY_HINT = '32 random bytes encoded as base64 (generate one with `openssl rand -base64 32`)';
/** Absolute paths separated by commas or colons, normalized and de-duplicated. */
const absolutePaths = (raw) => {
    const parts = raw
        .split(/[,:]/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
    if (parts.length === 0 || !parts.every((p) => isAbsolute(p)))
        return undefined;
    return [...new Set(parts.map((p) => normalize(p).replace(/(.)\/+$/, '$1')))];
};
export const envSchema = z
    .object({
    NODE_ENV: envVar(`expected one of ${NODE_ENVS.join(', ')}`, oneOf(NODE_ENVS), 'development'),
    // No constant default: 8080, or 3333 for SERVICE_ROLE=memory and 3002 for bridge (load-config.ts).
    PORT: envVar('expected an integer from 1 to 65535', integer(1, 65_535)),
    SERVICE_ROLE: envVar(SERVICE_ROLE_HINT, parseServiceRole, 'all'),
    HOST: envVar('expected a host name or IP address to listen on (e.g. 127.0.0.1 or 0.0.0.0)', nonEmptyToken, '127.0.0.1'),
    DATABASE_URL: envVar('expected a postgres:// or postgresql:// URL', urlWith(['postgres:', 'postgresql:'])),
    REDIS_URL: envVar('expected a redis:// or rediss:// URL', urlWith(['redis:', 'rediss:'])),
    MEMORY_API_URL: envVar('expected an http:// or https:// URL', httpUrl),
    MEMORY_API_TOKEN: envVar('expected an API token without spaces', nonEmptyToken),
    MEMORY_API_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES}, at least 1ms`, duration(1), '10s'),
    MEMORY_CLEANUP_CRON: envVar('expected a cron expression (e.g. "0 2 * * *") or "off"', (raw) => (raw === 'off' || cronScheduleProblem(raw, 'UTC') === null ? raw : undefined), '0 2 * * *'),
    MEMORY_CLEANUP_TZ: envVar('expected an IANA time zone such as UTC or Europe/Berlin', (raw) => (isTimeZone(raw) ? raw : undefined), 'UTC'),
    API_BRIDGE_URL: envVar('expected an http:// or https:// URL', httpUrl),
    DATA_DIR: envVar('expected a directory path', (raw) => raw, './data'),
    LOG_LEVEL: envVar(`expected one of ${LOG_LEVELS.join(', ')}`, oneOf(LOG_LEVELS), 'info'),
    NODE_ID: envVar('expected 1 to 128 characters from A-Z a-z 0-9 . _ : -', (raw) => /^[\w.:-]{1,128}$/.test(raw) ? raw : undefined),
    DRAIN_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES} (0s allowed)`, duration(0), '30s'),
    FORCE_EXIT_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES}, at least 1ms`, duration(1), '45s'),
    HEALTH_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES}, at least 1ms`, duration(1), '2s'),
    MAX_CONCURRENT_PROCESSES: envVar('expected an integer from 1 to 10000', integer(1, 10_000), '20'),
    AGENT_WORKDIR_ROOTS: envVar('expected absolute directory paths separated by commas or colons', absolutePaths),
    AGENT_CLAUDE_BIN: envVar('expected a path or command name', nonEmptyToken, 'claude'),
    AGENT_CODEX_BIN: envVar('expected a path or command name', nonEmptyToken, 'codex'),
    AGENT_GEMINI_BIN: envVar('expected a path or command name', nonEmptyToken, 'gemini'),
    AGENT_IDLE_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES} (0s = no idle limit)`, duration(0), '30m'),
    AGENT_WALL_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES} (0s = no wall-clock limit)`, duration(0), '4h'),
    AGENT_STOP_GRACE: envVar(`expected ${DURATION_EXAMPLES}, at least 1ms`, duration(1), '5s'),
    AGENT_MAX_RESTARTS: envVar('expected an integer from 0 to 10', integer(0, 10), '2'),
    AGENT_RESTART_BACKOFF: envVar(`expected ${DURATION_EXAMPLES}, at least 1ms`, duration(1), '2s'),
    RUN_LOG_CAP_MB: envVar('expected an integer from 1 to 10000 (megabytes)', integer(1, 10_000), '50'),
    EMPLOYEE_REGISTRY_DIR: envVar('expected a directory path', (raw) => raw),
    QUEUE_PREFIX: envVar('expected 1 to 64 characters from A-Z a-z 0-9 _ . -', (raw) => (/^[\w.-]{1,64}$/.test(raw) ? raw : undefined), 'dash'),
    DISPATCH_INTERVAL: envVar(`expected ${DURATION_EXAMPLES}, at least 10ms`, duration(10), '2s'),
    DISPATCH_LEASE: envVar(`expected ${DURATION_EXAMPLES}, at least 1s`, duration(1000), '30s'),
    TASK_RETRY_BACKOFF: envVar(`expected ${DURATION_EXAMPLES} (0s = retry at once)`, duration(0), '10s'),
    REPLICA_HEARTBEAT_INTERVAL: envVar(`expected ${DURATION_EXAMPLES}, at least 100ms`, duration(100), '5s'),
    REPLICA_DEAD_AFTER: envVar(`expected ${DURATION_EXAMPLES}, at least 1s`, duration(1000), '30s'),
    RUN_CONTROL_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES}, at least 100ms`, duration(100), '5s'),
    SERVE_WEB: envVar('expected a boolean: true/false, 1/0, yes/no or on/off', boolean, 'true'),
    WEB_DIST_DIR: envVar('expected a directory path', (raw) => raw),
    MEMORY_ENCRYPTION_KEY: envVar(`expected ${MEMORY_KEY_HINT}`, base64Key32),
    MEMORY_EMBEDDINGS: envVar(`expected one of ${MEMORY_EMBEDDING_PROVIDERS.join(', ')}`, oneOf(MEMORY_EMBEDDING_PROVIDERS), 'use-lite'),
    MEMORY_EMBEDDINGS_URL: envVar('expected an http:// or https:// base URL of an OpenAI-compatible API (e.g. https://api.openai.com/v1)', httpUrl),
    MEMORY_EMBEDDINGS_MODEL: envVar('expected a model name without spaces', nonEmptyToken),
    MEMORY_EMBEDDINGS_DIM: envVar('expected an integer from 1 to 8192 (the dimension of the model\'s vectors)', integer(1, 8192)),
    MEMORY_EMBEDDINGS_API_KEY: envVar('expected a key without spaces', nonEmptyToken),
    MEMORY_VECTOR_INDEX: envVar(`expected one of ${MEMORY_VECTOR_INDEXES.join(', ')}`, oneOf(MEMORY_VECTOR_INDEXES), 'auto'),
    MEMORY_PROMPT_BUDGET: envVar('expected 0 (no memories in prompts) or an integer from 50 to 32000 (tokens)', (raw) => {
        const n = integer(0, 32_000)(raw);
        return n === undefined || (n > 0 && n < 50) ? undefined : n;
    }, '1500'),
    MEMORY_PROMPT_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES}, at least 10ms`, duration(10), '5s'),
    MEMORY_WRITE_AFTER_RUNS: envVar('expected a boolean: true/false, 1/0, yes/no or on/off', boolean, 'true'),
    // API bridge and alerts (bridge-config.ts, docs/bridge.md)
    BRIDGE_MCP_URL: envVar('expected an http:// or https:// base URL at which agents reach this server (e.g. http://dashboard:8080)', httpUrl),
    BRIDGE_INPUT_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES}, from 1s to 168h`, (raw) => {
        const ms = duration(1000)(raw);
        return ms !== undefined && ms <= 168 * 3_600_000 ? ms : undefined;
    }, '1h'),
    // isolated task workspaces (workspace-config.ts, docs/workspaces-and-approvals.md)
    WORKSPACE_REPOS: envVar('expected name=/absolute/path pairs separated by commas (names: letters, digits, ".", "_", "-")', parseWorkspaceRepos),
    WORKSPACE_SETUP_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES}, at least 1s`, duration(1000), '10m'),
    WORKSPACE_RETENTION: envVar(`expected ${DURATION_EXAMPLES}, at least 1m`, duration(60_000), '168h'),
    BRIDGE_APPROVAL_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES}, from 1s to 24h`, (raw) => {
        const ms = duration(1000)(raw);
        return ms !== undefined && ms <= 24 * 3_600_000 ? ms : undefined;
    }, '10m'),
    ALERT_WEBHOOK_URLS: envVar('expected http:// or https:// URLs separated by commas', httpUrls),
    ALERT_WEBHOOK_SECRET: envVar('expected at least 16 characters without spaces', (raw) => (/^\S{16,}$/.test(raw) ? raw : undefined)),
    ALERT_EVAL_INTERVAL: envVar(`expected ${DURATION_EXAMPLES}, at least 1s`, duration(1000), '30s'),
    ALERT_STUCK_RUN_AFTER: envVar(`expected ${DURATION_EXAMPLES}, at least 1s`, duration(1000), '15m'),
    ALERT_FAILURE_STREAK: envVar('expected an integer from 1 to 100', integer(1, 100), '3'),
    ALERT_WORKLOAD_BACKLOG: envVar('expected an integer from 1 to 10000', integer(1, 10_000), '5'),
    ALERT_DAILY_BUDGET_USD: envVar('expected a positive amount in US dollars, e.g. 25 or 12.5', positiveAmount),
    ALERT_WEBHOOK_MAX_ATTEMPTS: envVar('expected an integer from 1 to 20', integer(1, 20), '6'),
    ALERT_WEBHOOK_BACKOFF: envVar(`expected ${DURATION_EXAMPLES}, at least 10ms`, duration(10), '5s'),
    ALERT_WEBHOOK_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES}, at least 100ms`, duration(100), '10s'),
    // budgets, rate-limit pauses, schedules, notifications (budget-config.ts, docs/budgets-and-schedules.md)
    BUDGET_DAILY_USD: envVar('expected a positive amount in US dollars, e.g. 25 or 12.5', positiveAmount),
    BUDGET_TASK_USD: envVar('expected a positive amount in US dollars, e.g. 2 or 0.5', positiveAmount),
    BUDGET_SOFT_RATIO: envVar('expected a number greater than 0 and at most 1, e.g. 0.8', (raw) => {
        const n = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
        return n > 0 && n <= 1 ? n : undefined;
    }, '0.8'),
    BUDGET_STOP_RUNNING: envVar('expected a boolean: true/false, 1/0, yes/no or on/off', boolean, 'false'),
    RATE_LIMIT_BACKOFF: envVar(`expected ${DURATION_EXAMPLES}, at least 100ms`, duration(100), '5m'),
    RATE_LIMIT_MAX_PAUSE: envVar(`expected ${DURATION_EXAMPLES}, at least 1s`, duration(1000), '24h'),
    SCHEDULES_CHECK_SECONDS: envVar('expected an integer from 1 to 59 (seconds between checks for due schedules)', integer(1, 59), '15'),
    NOTIFY_WEBHOOK_URLS: envVar('expected http:// or https:// URLs separated by commas', httpUrls),
    NOTIFY_WEBHOOK_SECRET: envVar('expected at least 16 characters without spaces', (raw) => (/^\S{16,}$/.test(raw) ? raw : undefined)),
    // security (security-config.ts, docs/security.md)
    DASHBOARD_ADMIN_PASSWORD: envVar('expected a password of 12 to 256 characters', passwordText(12)),
    DASHBOARD_ADMIN_TOKEN: envVar('expected a random token of at least 32 characters without spaces (e.g. `openssl rand -base64 33`)', secretText(32)),
    SESSION_MAX_AGE: envVar(`expected ${DURATION_EXAMPLES}, at least 1m`, duration(60_000), '168h'),
    SESSION_IDLE_TIMEOUT: envVar(`expected ${DURATION_EXAMPLES}, at least 1m`, duration(60_000), '12h'),
    SESSION_COOKIE_SECURE: envVar('expected a boolean: true/false, 1/0, yes/no or on/off', boolean),
    CORS_ORIGINS: envVar('expected origins separated by commas, like https://dash.example.com (scheme, host and port; no path)', originList),
    TRUST_PROXY: envVar('expected true, false, a number of proxy hops, or proxy addresses/CIDRs separated by commas', trustProxy),
    RATE_LIMIT_AUTH: envVar('expected an integer from 0 to 1000000 (requests per minute per address; 0 = unlimited)', integer(0, 1_000_000), '20'),
    RATE_LIMIT_WRITE: envVar('expected an integer from 0 to 1000000 (requests per minute per address; 0 = unlimited)', integer(0, 1_000_000), '600'),
    RATE_LIMIT_READ: envVar('expected an integer from 0 to 1000000 (requests per minute per address; 0 = unlimited)', integer(0, 1_000_000), '3000'),
    METRICS_TOKEN: envVar('expected a token of at least 16 characters without spaces', secretText(16)),
    // traces (tracing-config.ts, docs/deployment.md): off unless the endpoint is set
    OTEL_EXPORTER_OTLP_ENDPOINT: envVar('expected the http:// or https:// base URL of an OTLP/HTTP receiver (e.g. http://jaeger:4318)', httpUrl),
    OTEL_SERVICE_NAME: envVar('expected a service name of 1 to 128 characters from A-Z a-z 0-9 . _ -', (raw) => (/^[A-Za-z0-9._-]{1,128}$/.test(raw) ? raw : undefined)),
})
    .superRefine((env, ctx) => {
    // Deliveries are always signed (docs/bridge.md): webhooks need the shared secret.
    if (env.ALERT_WEBHOOK_URLS !== undefined && env.ALERT_WEBHOOK_SECRET === undefined) {
        ctx.addIssue({ code: 'custom', path: ['ALERT_WEBHOOK_SECRET'], message: 'required when ALERT_WEBHOOK_URLS is set (deliveries are HMAC-signed with it)' });
    }
    // Past the force deadline the process exits mid-drain, so the drain budget must fit inside it.
    if (env.FORCE_EXIT_TIMEOUT !== undefined && env.DRAIN_TIMEOUT !== undefined && env.FORCE_EXIT_TIMEOUT <= env.DRAIN_TIMEOUT) {
        ctx.addIssue({
            code: 'custom',
            path: ['FORCE_EXIT_TIMEOUT'],
            message: `expected a duration longer than DRAIN_TIMEOUT (${env.DRAIN_TIMEOUT}ms)`,
        });
    }
    // Outside production a key is generated once into DATA_DIR/memory.key; production must bring its own.
    if (env.NODE_ENV === 'production' && env.MEMORY_ENCRYPTION_KEY === undefined) {
        ctx.addIssue({ code: 'custom', path: ['MEMORY_ENCRYPTION_KEY'], message: `required when NODE_ENV=production: ${MEMORY_KEY_HINT}` });
    }
    // api or worker alone splits the server across processes: they share the store, queue and bus.
    const split = env.SERVICE_ROLE !== undefined && env.SERVICE_ROLE.api !== env.SERVICE_ROLE.worker;
    if (split) {
        for (const name of ['DATABASE_URL', 'REDIS_URL']) {
            if (env[name] === undefined) {
                ctx.addIssue({ code: 'custom', path: [name], message: `required when SERVICE_ROLE=${env.SERVICE_ROLE?.name}: api and worker processes share the store, queue and event bus` });
            }
        }
    }
    if (env.MEMORY_EMBEDDINGS === 'http') {
        for (const name of ['MEMORY_EMBEDDINGS_URL', 'MEMORY_EMBEDDINGS_MODEL', 'MEMORY_EMBEDDINGS_DIM']) {
            if (env[name] === undefined)
                ctx.addIssue({ code: 'custom', path: [name], message: 'required when MEMORY_EMBEDDINGS=http' });
        }
    }
});
export const ENV_VARIABLES = Object.keys(envSchema.shape);
//# sourceMappingURL=env-schema.js.map