/**
 * Parses the environment once into a Config, or into one issue per bad variable. The caller
 * (main.ts) prints the issues and exits 78 (EX_CONFIG); values are masked so that an error report
 * never leaks a password.
 */
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENV_VARIABLES, envSchema } from './env-schema.js';
import { printableValue } from './mask-secrets.js';
import { bridgeConfigFrom } from './bridge-config.js';
import { workspacesConfigFrom } from './workspace-config.js';
import { budgetConfigFrom } from './budget-config.js';
import { securityConfigFrom } from './security-config.js';
import { tracingConfigFrom } from './tracing-config.js';
import { DEFAULT_PORTS } from './service-role.js';
/** Exit status for bad configuration (sysexits.h EX_CONFIG). */
export const EXIT_CONFIG = 78;
// src/config and dist/config sit at the same depth, so this resolves to packages/web/dist from both.
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));
// Likewise the repository root's ai-employees/ (src/config and dist/config → packages/server → root).
const DEFAULT_REGISTRY_DIR = fileURLToPath(new URL('../../../../ai-employees', import.meta.url));
const defaultContext = () => ({
    cwd: process.cwd(),
    hostname: hostname(),
    pid: process.pid,
    defaultWebDistDir: DEFAULT_WEB_DIST_DIR,
    defaultRegistryDir: DEFAULT_REGISTRY_DIR,
});
export function loadConfig(env, context = {}) {
    const ctx = { ...defaultContext(), ...context };
    const input = Object.fromEntries(ENV_VARIABLES.map((name) => [name, env[name]]));
    const parsed = envSchema.safeParse(input);
    if (!parsed.success) {
        const issues = [];
        const seen = new Set();
        for (const issue of parsed.error.issues) {
            const variable = String(issue.path[0] ?? '(environment)');
            if (seen.has(variable))
                continue;
            seen.add(variable);
            const raw = env[variable];
            issues.push({ variable, value: raw?.trim() ? raw : undefined, expected: issue.message });
        }
        return { ok: false, issues };
    }
    const e = parsed.data;
    // Every variable with a constant default has one in the schema, so these are always set.
    const must = (value, name) => {
        if (value === undefined)
            throw new Error(`config: ${name} has no default`);
        return value;
    };
    const dataDir = resolve(ctx.cwd, must(e.DATA_DIR, 'DATA_DIR'));
    const role = must(e.SERVICE_ROLE, 'SERVICE_ROLE');
    const cleanupCron = must(e.MEMORY_CLEANUP_CRON, 'MEMORY_CLEANUP_CRON');
    const config = {
        ...bridgeConfigFrom(e),
        ...workspacesConfigFrom(e),
        ...budgetConfigFrom(e),
        ...securityConfigFrom(e),
        ...tracingConfigFrom(e, role.name),
        nodeEnv: must(e.NODE_ENV, 'NODE_ENV'),
        role,
        nodeId: e.NODE_ID ?? ctx.hostname,
        http: { host: must(e.HOST, 'HOST'), port: e.PORT ?? DEFAULT_PORTS[role.name] },
        web: {
            serve: must(e.SERVE_WEB, 'SERVE_WEB'),
            distDir: e.WEB_DIST_DIR === undefined ? ctx.defaultWebDistDir : resolve(ctx.cwd, e.WEB_DIST_DIR),
        },
        dataDir,
        databaseUrl: e.DATABASE_URL ?? null,
        redisUrl: e.REDIS_URL ?? null,
        log: { level: must(e.LOG_LEVEL, 'LOG_LEVEL') },
        lifecycle: {
            drainTimeoutMs: must(e.DRAIN_TIMEOUT, 'DRAIN_TIMEOUT'),
            forceExitTimeoutMs: must(e.FORCE_EXIT_TIMEOUT, 'FORCE_EXIT_TIMEOUT'),
        },
        health: { timeoutMs: must(e.HEALTH_TIMEOUT, 'HEALTH_TIMEOUT') },
        services: { memoryApiUrl: e.MEMORY_API_URL ?? null, apiBridgeUrl: e.API_BRIDGE_URL ?? null },
        agents: {
            maxConcurrentProcesses: must(e.MAX_CONCURRENT_PROCESSES, 'MAX_CONCURRENT_PROCESSES'),
            workdirRoots: e.AGENT_WORKDIR_ROOTS ?? [join(dataDir, 'workspaces')],
            binaries: {
                'claude-code': must(e.AGENT_CLAUDE_BIN, 'AGENT_CLAUDE_BIN'),
                codex: must(e.AGENT_CODEX_BIN, 'AGENT_CODEX_BIN'),
                gemini: must(e.AGENT_GEMINI_BIN, 'AGENT_GEMINI_BIN'),
            },
            idleTimeoutMs: must(e.AGENT_IDLE_TIMEOUT, 'AGENT_IDLE_TIMEOUT'),
            wallTimeoutMs: must(e.AGENT_WALL_TIMEOUT, 'AGENT_WALL_TIMEOUT'),
            stopGraceMs: must(e.AGENT_STOP_GRACE, 'AGENT_STOP_GRACE'),
            maxRestarts: must(e.AGENT_MAX_RESTARTS, 'AGENT_MAX_RESTARTS'),
            restartBackoffMs: must(e.AGENT_RESTART_BACKOFF, 'AGENT_RESTART_BACKOFF'),
            runLogCapBytes: must(e.RUN_LOG_CAP_MB, 'RUN_LOG_CAP_MB') * 1024 * 1024,
        },
        employees: {
            registryDir: e.EMPLOYEE_REGISTRY_DIR === undefined ? ctx.defaultRegistryDir : resolve(ctx.cwd, e.EMPLOYEE_REGISTRY_DIR),
        },
        queue: { prefix: must(e.QUEUE_PREFIX, 'QUEUE_PREFIX') },
        memory: {
            apiTimeoutMs: must(e.MEMORY_API_TIMEOUT, 'MEMORY_API_TIMEOUT'),
            apiToken: e.MEMORY_API_TOKEN ?? null,
            cleanup: cleanupCron === 'off' ? null : { cron: cleanupCron, timezone: must(e.MEMORY_CLEANUP_TZ, 'MEMORY_CLEANUP_TZ') },
            encryptionKey: e.MEMORY_ENCRYPTION_KEY ?? null,
            keyFile: join(dataDir, 'memory.key'),
            vectorFile: join(dataDir, 'memory-vectors.sqlite'),
            vectorIndex: must(e.MEMORY_VECTOR_INDEX, 'MEMORY_VECTOR_INDEX'),
            runs: {
                promptBudget: must(e.MEMORY_PROMPT_BUDGET, 'MEMORY_PROMPT_BUDGET'),
                promptTimeoutMs: must(e.MEMORY_PROMPT_TIMEOUT, 'MEMORY_PROMPT_TIMEOUT'),
                writeAfterRuns: must(e.MEMORY_WRITE_AFTER_RUNS, 'MEMORY_WRITE_AFTER_RUNS'),
            },
            embeddings: {
                provider: must(e.MEMORY_EMBEDDINGS, 'MEMORY_EMBEDDINGS'),
                url: e.MEMORY_EMBEDDINGS_URL ?? null,
                model: e.MEMORY_EMBEDDINGS_MODEL ?? null,
                dim: e.MEMORY_EMBEDDINGS_DIM ?? null,
                apiKey: e.MEMORY_EMBEDDINGS_API_KEY ?? null,
            },
        },
        dispatch: {
            tickMs: must(e.DISPATCH_INTERVAL, 'DISPATCH_INTERVAL'),
            leaseMs: must(e.DISPATCH_LEASE, 'DISPATCH_LEASE'),
            retryBackoffMs: must(e.TASK_RETRY_BACKOFF, 'TASK_RETRY_BACKOFF'),
        },
        cluster: {
            heartbeatMs: must(e.REPLICA_HEARTBEAT_INTERVAL, 'REPLICA_HEARTBEAT_INTERVAL'),
            deadAfterMs: must(e.REPLICA_DEAD_AFTER, 'REPLICA_DEAD_AFTER'),
            controlTimeoutMs: must(e.RUN_CONTROL_TIMEOUT, 'RUN_CONTROL_TIMEOUT'),
        },
    };
    return { ok: true, config };
}
/** One line per issue: the variable, its (masked) value, and what was expected. */
export function formatConfigIssues(issues) {
    const lines = issues.map(({ variable, value, expected }) => {
        const got = value === undefined ? 'is unset (its default is used)' : `=${JSON.stringify(printableValue(variable, value))}`;
        return `  ${variable}${value === undefined ? ' ' : ''}${got}: ${expected}`;
    });
    return ['Invalid configuration:', ...lines].join('\n') + '\n';
}
//# sourceMappingURL=load-config.js.map