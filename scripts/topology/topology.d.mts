/** Types of topology.mjs (see its header). */
import type { ChildProcess } from 'node:child_process';

export interface TopologyOptions {
  /** Backend replicas (SERVICE_ROLE=api,worker). @default 3 */
  replicas?: number;
  /** Loopback address everything listens on. @default '127.0.0.1' */
  host?: string;
  /** First replica's port; the others follow. @default 8081 */
  basePort?: number;
  /** Each replica's port (overrides basePort). */
  replicaPorts?: number[];
  /** nginx (SPA + proxy). @default 3000 */
  webPort?: number;
  /** @default 3333 */
  memoryPort?: number;
  /** @default 3002 */
  bridgePort?: number;
  /** Use this database as it is instead of creating a fresh one. */
  databaseUrl?: string;
  /** Where the fresh database is created. @default TOPOLOGY_DATABASE_URL, TEST_DATABASE_URL or postgres://root@127.0.0.1:5432/postgres */
  adminDatabaseUrl?: string;
  /** @default TOPOLOGY_REDIS_URL, TEST_REDIS_URL or redis://127.0.0.1:6379 */
  redisUrl?: string;
  /** QUEUE_PREFIX (Redis keys removed at stop). @default dash-topo-<random> */
  prefix?: string;
  /** The built SPA. @default packages/web/dist */
  webRoot?: string;
  /** @default found on PATH or in /usr/sbin */
  nginxBin?: string;
  /** Per process. @default 60_000 */
  readyTimeoutMs?: number;
  /** Keep the fresh database after stop(). @default false */
  keepDatabase?: boolean;
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /** Extra environment for the replicas only. */
  replicaEnv?: Record<string, string>;
  log?: (line: string) => void;
}

export interface TopologyProcess {
  readonly name: string;
  readonly nodeId: string;
  /** SERVICE_ROLE */
  readonly role: string;
  readonly port: number;
  /** http://host:port of this process itself. */
  readonly url: string;
  readonly logFile: string;
  readonly env: Record<string, string>;
  readonly pid: number | undefined;
  /** How many times it was started (1, then 2 after a restart …). */
  readonly generation: number;
  alive(): boolean;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  logs(): string;
  ready(timeoutMs: number): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  restart(timeoutMs?: number): Promise<void>;
}

export interface Topology {
  /** nginx: the SPA, /api and /ws. */
  readonly url: string;
  readonly workDir: string;
  readonly prefix: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** DASHBOARD_ADMIN_TOKEN of every process (Authorization: Bearer). */
  readonly adminToken: string;
  /** DASHBOARD_ADMIN_PASSWORD (sign in as `admin`). */
  readonly adminPassword: string;
  readonly nginxConf: string;
  readonly replicas: TopologyProcess[];
  readonly memory: TopologyProcess;
  readonly bridge: TopologyProcess;
  readonly processes: TopologyProcess[];
  /** nginx, replicas (drained), companions; then the database, Redis keys and work directory. Idempotent. */
  stop(): Promise<void>;
}

export const REPO_ROOT: string;
export const SERVER_MAIN: string;
export const WEB_DIST: string;
export const FAKE_AGENT: string;
export function startTopology(options?: TopologyOptions): Promise<Topology>;
export function findNginx(): string;
export type { ChildProcess };
