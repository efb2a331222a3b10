/**
 * Checks an environment a deployment artifact gives the server (Compose service, Kubernetes
 * container) the way the server will read it: every variable must be one the server knows (an
 * unknown one is silently ignored, so a typo would never take effect) or one read by something
 * else in the process (the agent CLI, OpenTelemetry), and loadConfig must accept the values.
 */
import { ENV_VARIABLES } from '../../../src/config/env-schema.js';
import { loadConfig, type ConfigIssue } from '../../../src/config/load-config.js';

/** Read by other programs in the container, not by the server's config. */
export const FOREIGN_VARIABLES: ReadonlySet<string> = new Set([
  'ANTHROPIC_API_KEY', // the Claude Code CLI the agents run
  'HOME', // where the agent CLIs keep their settings
]);

export interface EnvProblems {
  unknown: string[];
  issues: ConfigIssue[];
}

export function checkServerEnv(env: Record<string, string>): EnvProblems {
  const known = new Set<string>(ENV_VARIABLES);
  const unknown = Object.keys(env).filter((name) => !known.has(name) && !FOREIGN_VARIABLES.has(name));
  const loaded = loadConfig(env, { cwd: '/app', hostname: 'test-host', pid: 1 });
  return { unknown, issues: loaded.ok ? [] : loaded.issues };
}

/** A valid MEMORY_ENCRYPTION_KEY for sample environments (32 bytes, base64). */
export const SAMPLE_MEMORY_KEY = Buffer.alloc(32, 7).toString('base64');
