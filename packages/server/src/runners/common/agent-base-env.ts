/**
 * The environment agents start from: the server's own, minus the dashboard's secrets and
 * connection strings. An agent can run arbitrary commands, so nothing that opens our database,
 * queue or memory store may reach it. Credentials agents need (e.g. ANTHROPIC_API_KEY) stay.
 */
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
]);
const STRIPPED_PREFIXES = ['DASHBOARD_', 'DASH_'];

export function agentBaseEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (STRIPPED_NAMES.has(name) || STRIPPED_PREFIXES.some((p) => name.startsWith(p))) continue;
    out[name] = value;
  }
  return out;
}
