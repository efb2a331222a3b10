/**
 * The environment agents start from: the server's own, minus the dashboard's secrets and
 * connection strings. An agent can run arbitrary commands, so nothing that opens our database,
 * queue or memory store may reach it. Credentials agents need (e.g. ANTHROPIC_API_KEY) stay.
 */
import { ENV_VARIABLES } from '../../config/env-schema.js';
import { isSecretName } from '../../config/mask-secrets.js';
const STRIPPED_NAMES = new Set([
    'DATABASE_URL',
    'REDIS_URL',
    'MEMORY_ENCRYPTION_KEY',
    'SESSION_SECRET',
    'PGPASSWORD',
    'PGPASSFILE',
    'PGSERVICEFILE',
    'TEST_DATABASE_URL',
    'TEST_REDIS_URL',
    // alert webhooks: their URLs carry secrets too
    'ALERT_WEBHOOK_URLS',
    'ALERT_WEBHOOK_SECRET',
    // notification webhooks (same reason)
    'NOTIFY_WEBHOOK_URLS',
    'NOTIFY_WEBHOOK_SECRET',
]);
const STRIPPED_PREFIXES = ['DASHBOARD_', 'DASH_'];
/**
 * Every variable of the dashboard's own configuration whose name looks secret (tokens, keys,
 * passwords: METRICS_TOKEN, MEMORY_EMBEDDINGS_API_KEY, …), so a secret added to the env schema
 * later is stripped without anyone remembering to list it here.
 */
const DASHBOARD_SECRETS = new Set(ENV_VARIABLES.filter((name) => isSecretName(name)));
export function agentBaseEnv(env) {
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        if (STRIPPED_NAMES.has(name) || DASHBOARD_SECRETS.has(name) || STRIPPED_PREFIXES.some((p) => name.startsWith(p)))
            continue;
        out[name] = value;
    }
    return out;
}
//# sourceMappingURL=agent-base-env.js.map