/**
 * The typed, defaulted configuration tree, built once at boot by loadConfig(). Components take
 * the slice they need from it; nothing else reads process.env. Durations are milliseconds and
 * paths are absolute.
 */
import type { WorkspacesConfig } from './workspace-config.js';
import type { AuthConfig, SecurityConfig } from './security-config.js';
import type { LogLevel, MemoryEmbeddingProviderName, MemoryVectorIndexName, NodeEnv } from './env-schema.js';
import type { ServiceRole } from './service-role.js';
import type { AlertsConfig, BridgeConfig } from './bridge-config.js';
import type { BudgetsConfig, NotificationsConfig, SchedulesConfig } from './budget-config.js';
import type { TracingConfig } from './tracing-config.js';

export interface Config {
  nodeEnv: NodeEnv;
  /** What this process runs (SERVICE_ROLE, see service-role.ts). @default all */
  role: ServiceRole;
  /** This replica's id (NODE_ID), recorded on the runs it owns. @default the host name */
  nodeId: string;
  http: {
    /** @default '127.0.0.1' */
    host: string;
    /** 0 asks the OS for a free port (tests only; the env schema requires 1–65535). @default 8080 (memory 3333, bridge 3002) */
    port: number;
  };
  web: {
    /** Serve the built SPA from this process. @default true */
    serve: boolean;
    /** Absolute path of the built SPA. @default packages/web/dist next to the server package */
    distDir: string;
  };
  /** Absolute directory for embedded files (the SQLite database). @default `${cwd}/data` */
  dataDir: string;
  /** PostgreSQL connection URL; null = embedded SQLite in dataDir. */
  databaseUrl: string | null;
  /** Redis URL; null = the embedded queue kept in the store. */
  redisUrl: string | null;
  log: { level: LogLevel };
  lifecycle: {
    /** How long in-flight work may take to finish after SIGTERM. @default 30_000 */
    drainTimeoutMs: number;
    /** After this long since the first signal the process exits 1, whatever is left. @default 45_000 */
    forceExitTimeoutMs: number;
  };
  health: {
    /** Per-dependency probe timeout for GET /health. @default 2_000 */
    timeoutMs: number;
  };
  /** Companion HTTP services probed by GET /health; null = not configured. */
  services: {
    memoryApiUrl: string | null;
    apiBridgeUrl: string | null;
  };
  agents: {
    /** Global cap on live agent processes. @default 20 */
    maxConcurrentProcesses: number;
    /** Agents may only work below these absolute directories. @default [`${dataDir}/workspaces`] */
    workdirRoots: string[];
    /** Executable per runtime: a path, or a name looked up on PATH. */
    binaries: { 'claude-code': string; codex: string; gemini: string };
    /** Stop a run that prints nothing for this long; 0 = never. @default 30 min */
    idleTimeoutMs: number;
    /** Wall-clock limit of one run; 0 = none. @default 4 h */
    wallTimeoutMs: number;
    /** Each step of the stop escalation (SIGINT → SIGTERM → SIGKILL). @default 5 s */
    stopGraceMs: number;
    /** Restarts after a crash (never after a stop). @default 2 */
    maxRestarts: number;
    /** First restart delay, doubling per restart (capped at 1 min). @default 2 s */
    restartBackoffMs: number;
    /** Stored event log per run before output is summarized. @default 50 MiB */
    runLogCapBytes: number;
  };
  employees: {
    /** Directory of `employee-registry.json` and `prompts/`. @default the repository's `ai-employees/` */
    registryDir: string;
  };
  queue: {
    /** Redis key prefix of the BullMQ queue (REDIS_URL only). @default 'dash' */
    prefix: string;
  };
  memory: {
    /** Per-request timeout towards MEMORY_API_URL (proxy and HTTP adapter). @default 10_000 */
    apiTimeoutMs: number;
    /** Bearer token this process presents to MEMORY_API_URL for its own calls (runs); null = none. */
    apiToken: string | null;
    /** Scheduled company-wide cleanup (MEMORY_CLEANUP_CRON / _TZ); null = off. @default '0 2 * * *' in UTC */
    cleanup: { cron: string; timezone: string } | null;
    /** MEMORY_ENCRYPTION_KEY (base64 of 32 bytes); null = use (or create) `keyFile`. Required in production. */
    encryptionKey: string | null;
    /** Where embedded/development mode keeps its generated key (mode 0600). @default `${dataDir}/memory.key` */
    keyFile: string;
    /** The sqlite-vec index file in embedded mode. @default `${dataDir}/memory-vectors.sqlite` */
    vectorFile: string;
    /** `auto`: sqlite-vec on SQLite (in-memory above 5,000 memories); on PostgreSQL pgvector when installed, else the in-memory index. */
    vectorIndex: MemoryVectorIndexName;
    /** Memory in task runs (services/dispatch/run-memory.ts, docs/memory.md). */
    runs: {
      /** MEMORY_PROMPT_BUDGET: tokens memories may take in a run's prompt; 0 = none. @default 1500 */
      promptBudget: number;
      /** MEMORY_PROMPT_TIMEOUT: longest wait for them; the run starts without after it. @default 5 s */
      promptTimeoutMs: number;
      /** MEMORY_WRITE_AFTER_RUNS: write a memory from each finished run. @default true */
      writeAfterRuns: boolean;
    };
    embeddings: {
      /** @default 'use-lite' */
      provider: MemoryEmbeddingProviderName;
      /** `http` only: base URL of an OpenAI-compatible API, e.g. `https://api.openai.com/v1`. */
      url: string | null;
      model: string | null;
      dim: number | null;
      apiKey: string | null;
    };
  };
  dispatch: {
    /** Periodic dispatcher wake-up (besides the event-driven ones). @default 2 s */
    tickMs: number;
    /** Lease of a claimed task job; renewed every third of it. @default 30 s */
    leaseMs: number;
    /** First retry delay of a failed task; doubles per attempt (capped at 1 h). @default 10 s */
    retryBackoffMs: number;
  };
  /** Replicas of a scale-out deployment (services/cluster): heartbeats, recovery, run control. */
  cluster: {
    /** How often this replica writes its heartbeat. @default 5 s */
    heartbeatMs: number;
    /** A replica whose heartbeat has not moved for this long is dead; its runs are recovered. @default 30 s */
    deadAfterMs: number;
    /** How long a routed stop / follow-up waits for the owning replica. @default 5 s */
    controlTimeoutMs: number;
  };
  /** Users and sessions: first admin, session lifetimes and cookie (security-config.ts). */
  auth: AuthConfig;
  /** CORS, proxy trust, rate limits, /metrics token (security-config.ts). */
  security: SecurityConfig;
  /** The API bridge: MCP endpoint for agents, human input (bridge-config.ts). */
  bridge: BridgeConfig;
  /** Alert rules and webhooks (bridge-config.ts). */
  alerts: AlertsConfig;
  /** Isolated task workspaces (workspace-config.ts). */
  workspaces: WorkspacesConfig;
  /** Budgets and rate-limit pauses (budget-config.ts). */
  budgets: BudgetsConfig;
  /** User schedules (budget-config.ts). */
  schedules: SchedulesConfig;
  /** Webhooks on the task transitions that need a human (budget-config.ts). */
  notifications: NotificationsConfig;
  /** OpenTelemetry traces (tracing-config.ts); off unless an OTLP endpoint is set. */
  tracing: TracingConfig;
}
