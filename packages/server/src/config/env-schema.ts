/**
 * The one schema over the process environment. Every variable the server reads is declared here
 * with what it expects; unset or blank means "use the default". Defaults that depend on the
 * machine (cwd, hostname, pid, install path) are resolved by load-config.ts.
 * docs/configuration.md documents each variable; keep the two in step.
 */
import { isAbsolute, normalize } from 'node:path';
import { z } from 'zod';
import { DURATION_EXAMPLES, parseDuration } from './duration.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/**
 * A variable parsed by `parse`; `expected` is the whole complaint printed when it fails. When the
 * variable is unset, `fallback` (if any) is parsed instead, so defaults go through the same rules.
 */
function envVar<T>(expected: string, parse: (raw: string) => T | undefined, fallback?: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      const text = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
      if (text === undefined) return undefined;
      const value = parse(text);
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: expected, input: raw });
        return z.NEVER;
      }
      return value;
    });
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string): T | undefined =>
    (values as readonly string[]).includes(raw) ? (raw as T) : undefined;

const integer =
  (min: number, max: number) =>
  (raw: string): number | undefined => {
    if (!/^\d+$/.test(raw)) return undefined;
    const n = Number(raw);
    return n >= min && n <= max ? n : undefined;
  };

/** A URL whose scheme is one of `protocols` (with the trailing colon, as URL reports it). */
const urlWith =
  (protocols: readonly string[]) =>
  (raw: string): string | undefined => {
    if (!URL.canParse(raw)) return undefined;
    const url = new URL(raw);
    return protocols.includes(url.protocol) ? raw : undefined;
  };

const httpUrl = (raw: string): string | undefined => {
  const ok = urlWith(['http:', 'https:'])(raw);
  return ok === undefined ? undefined : ok.replace(/\/+$/, '');
};

const duration =
  (minMs: number) =>
  (raw: string): number | undefined => {
    const ms = parseDuration(raw);
    return ms !== null && ms >= minMs ? ms : undefined;
  };

const BOOLEANS: Record<string, boolean> = { true: true, '1': true, yes: true, on: true, false: false, '0': false, no: false, off: false };
const boolean = (raw: string): boolean | undefined => BOOLEANS[raw.toLowerCase()];

const nonEmptyToken = (raw: string): string | undefined => (/^\S+$/.test(raw) ? raw : undefined);

/** 32 bytes of strict base64 (the memory encryption key); the value itself is kept as text. */
const base64Key32 = (raw: string): string | undefined =>
  /^[A-Za-z0-9+/]+={0,2}$/.test(raw) && raw.length % 4 === 0 && Buffer.from(raw, 'base64').length === 32 ? raw : undefined;

export const MEMORY_EMBEDDING_PROVIDERS = ['use-lite', 'hash', 'http'] as const;
export type MemoryEmbeddingProviderName = (typeof MEMORY_EMBEDDING_PROVIDERS)[number];
export const MEMORY_VECTOR_INDEXES = ['auto', 'sqlite-vec', 'pgvector', 'in-memory'] as const;
export type MemoryVectorIndexName = (typeof MEMORY_VECTOR_INDEXES)[number];
const MEMORY_KEY_HINT = '32 random bytes encoded as base64 (generate one with `openssl rand -base64 32`)';

/** Absolute paths separated by commas or colons, normalized and de-duplicated. */
const absolutePaths = (raw: string): string[] | undefined => {
  const parts = raw
    .split(/[,:]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => isAbsolute(p))) return undefined;
  return [...new Set(parts.map((p) => normalize(p).replace(/(.)\/+$/, '$1')))];
};

export const envSchema = z
  .object({
    NODE_ENV: envVar(`expected one of ${NODE_ENVS.join(', ')}`, oneOf(NODE_ENVS), 'development'),
    PORT: envVar('expected an integer from 1 to 65535', integer(1, 65_535), '8080'),
    HOST: envVar('expected a host name or IP address to listen on (e.g. 127.0.0.1 or 0.0.0.0)', nonEmptyToken, '127.0.0.1'),
    DATABASE_URL: envVar('expected a postgres:// or postgresql:// URL', urlWith(['postgres:', 'postgresql:'])),
    REDIS_URL: envVar('expected a redis:// or rediss:// URL', urlWith(['redis:', 'rediss:'])),
    MEMORY_API_URL: envVar('expected an http:// or https:// URL', httpUrl),
    API_BRIDGE_URL: envVar('expected an http:// or https:// URL', httpUrl),
    DATA_DIR: envVar('expected a directory path', (raw) => raw, './data'),
    LOG_LEVEL: envVar(`expected one of ${LOG_LEVELS.join(', ')}`, oneOf(LOG_LEVELS), 'info'),
    NODE_ID: envVar('expected 1 to 128 characters from A-Z a-z 0-9 . _ : -', (raw) =>
      /^[\w.:-]{1,128}$/.test(raw) ? raw : undefined,
    ),
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
    SERVE_WEB: envVar('expected a boolean: true/false, 1/0, yes/no or on/off', boolean, 'true'),
    WEB_DIST_DIR: envVar('expected a directory path', (raw) => raw),
    MEMORY_ENCRYPTION_KEY: envVar(`expected ${MEMORY_KEY_HINT}`, base64Key32),
    MEMORY_EMBEDDINGS: envVar(`expected one of ${MEMORY_EMBEDDING_PROVIDERS.join(', ')}`, oneOf(MEMORY_EMBEDDING_PROVIDERS), 'use-lite'),
    MEMORY_EMBEDDINGS_URL: envVar('expected an http:// or https:// base URL of an OpenAI-compatible API (e.g. https://api.openai.com/v1)', httpUrl),
    MEMORY_EMBEDDINGS_MODEL: envVar('expected a model name without spaces', nonEmptyToken),
    MEMORY_EMBEDDINGS_DIM: envVar('expected an integer from 1 to 8192 (the dimension of the model\'s vectors)', integer(1, 8192)),
    MEMORY_EMBEDDINGS_API_KEY: envVar('expected a key without spaces', nonEmptyToken),
    MEMORY_VECTOR_INDEX: envVar(`expected one of ${MEMORY_VECTOR_INDEXES.join(', ')}`, oneOf(MEMORY_VECTOR_INDEXES), 'auto'),
  })
  .superRefine((env, ctx) => {
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
    if (env.MEMORY_EMBEDDINGS === 'http') {
      for (const name of ['MEMORY_EMBEDDINGS_URL', 'MEMORY_EMBEDDINGS_MODEL', 'MEMORY_EMBEDDINGS_DIM'] as const) {
        if (env[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: 'required when MEMORY_EMBEDDINGS=http' });
      }
    }
  });

export type EnvVariable = keyof z.input<typeof envSchema>;
export type ParsedEnv = z.output<typeof envSchema>;
export const ENV_VARIABLES = Object.keys(envSchema.shape) as EnvVariable[];
