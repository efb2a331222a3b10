/**
 * Boots the BUILT server (`node packages/server/dist/main.js`) as a child process for e2e tests
 * and benchmarks: a free port, a temporary DATA_DIR (removed on stop) and a clean environment
 * (only PATH and HOME are inherited, so a developer's DATABASE_URL never leaks in). Collects
 * stdout/stderr, waits for `GET /ready` to answer 200, and stops with a signal.
 *
 * Credentials (see auth.ts): the server gets a random DASHBOARD_ADMIN_TOKEN and
 * DASHBOARD_ADMIN_PASSWORD unless `bootstrapAdmin: false`; call the API with `server.api(path)`
 * or `server.authHeaders()`, sign a browser in as `admin` / `server.adminPassword`.
 *
 * Build first: `npm run build -w @dash/shared && npx tsc -b packages/server` (the test runner
 * script runs `npm run build` before the suite).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bearer, randomAdminToken, randomPassword } from './auth.js';

export const SERVER_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerOptions {
  /** Variables on top of the defaults (NODE_ENV=test, HOST=127.0.0.1, PORT=<free>, DATA_DIR=<temp>). */
  env?: Record<string, string>;
  /** How long to wait for /ready. @default 30_000 */
  readyTimeoutMs?: number;
  /**
   * Give the server a random DASHBOARD_ADMIN_TOKEN and DASHBOARD_ADMIN_PASSWORD (unless `env`
   * sets them). false: start like a fresh install (a setup token is printed). @default true
   */
  bootstrapAdmin?: boolean;
}

export interface SpawnedServer {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** The DATA_DIR the server was given. */
  readonly dataDir: string;
  /** DASHBOARD_ADMIN_TOKEN / DASHBOARD_ADMIN_PASSWORD as given to the server (null when not). */
  readonly adminToken: string | null;
  readonly adminPassword: string | null;
  /** `Authorization: Bearer <admin token>` (throws when the server has none). */
  authHeaders(): Record<string, string>;
  /** fetch(`${url}${path}`) with the admin token (and JSON content type when a body is given). */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<ExitResult>;
  stdout(): string;
  stderr(): string;
  /** stdout parsed as pino JSON lines (non-JSON lines are skipped). */
  logs(): Record<string, unknown>[];
  /** Sends `signal` and waits for the exit; SIGKILLs after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ExitResult>;
}

const live = new Set<SpawnedServer>();

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Spawns the server without waiting for it (use startServer to wait for /ready). */
export async function spawnServer(options: ServerOptions = {}): Promise<SpawnedServer> {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`${SERVER_MAIN} does not exist: build first (npm run build -w @dash/shared && npx tsc -b packages/server)`);
  }
  const ownDataDir = options.env?.DATA_DIR === undefined ? mkdtempSync(join(tmpdir(), 'dash-e2e-')) : null;
  const port = options.env?.PORT !== undefined ? Number(options.env.PORT) : await freePort();
  const bootstrap: Record<string, string> =
    options.bootstrapAdmin !== false ? { DASHBOARD_ADMIN_TOKEN: randomAdminToken(), DASHBOARD_ADMIN_PASSWORD: randomPassword() } : {};
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...(ownDataDir !== null ? { DATA_DIR: ownDataDir } : {}),
    ...bootstrap,
    ...options.env,
  };
  const adminToken = env.DASHBOARD_ADMIN_TOKEN ?? null;
  const authHeaders = (): Record<string, string> => {
    if (adminToken === null) throw new Error('this server was started without DASHBOARD_ADMIN_TOKEN');
    return bearer(adminToken);
  };
  const dataDir = env.DATA_DIR ?? '';
  const child = spawn(process.execPath, [SERVER_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<ExitResult>((resolve) => {
    // 'close' (not 'exit'): it fires once stdout/stderr are drained, so the output is complete.
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });

  const server: SpawnedServer = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    adminToken,
    adminPassword: env.DASHBOARD_ADMIN_PASSWORD ?? null,
    authHeaders,
    api(path, init = {}) {
      const headers = new Headers(init.headers);
      for (const [name, value] of Object.entries(authHeaders())) if (!headers.has(name)) headers.set(name, value);
      if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(`http://127.0.0.1:${port}${path}`, { ...init, headers });
    },
    exited,
    stdout: () => out,
    stderr: () => err,
    logs: () =>
      out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    async stop(signal = 'SIGTERM', timeoutMs = 20_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
  live.add(server);
  void exited.then(() => {
    live.delete(server);
    if (ownDataDir !== null) rmSync(ownDataDir, { recursive: true, force: true });
  });
  return server;
}

/** Spawns the server and resolves once GET /ready answers 200; throws (with its output) otherwise. */
export async function startServer(options: ServerOptions = {}): Promise<SpawnedServer> {
  const server = await spawnServer(options);
  try {
    await waitForReady(server, options.readyTimeoutMs ?? 30_000);
    return server;
  } catch (error) {
    await server.stop('SIGKILL');
    throw error;
  }
}

export async function waitForReady(server: SpawnedServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: ExitResult | null = null;
  void server.exited.then((result) => (exit = result));
  while (Date.now() < deadline) {
    if (exit !== null) throw new Error(`server exited before ready (${describeExit(exit)})\n${tail(server)}`);
    try {
      const res = await fetch(`${server.url}/ready`, { signal: AbortSignal.timeout(1_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`server not ready after ${timeoutMs}ms\n${tail(server)}`);
}

/** Runs the server until it exits by itself (e.g. bad configuration). */
export async function runToExit(options: ServerOptions = {}, timeoutMs = 20_000): Promise<ExitResult & { stdout: string; stderr: string }> {
  const server = await spawnServer(options);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), timeoutMs);
  const result = await server.exited;
  clearTimeout(timer);
  return { ...result, stdout: server.stdout(), stderr: server.stderr() };
}

/** Kills whatever a test left running (use in afterAll/afterEach). */
export async function killAllServers(): Promise<void> {
  await Promise.all([...live].map((server) => server.stop('SIGKILL', 5_000)));
}

const describeExit = ({ code, signal }: ExitResult): string => (signal ? `signal ${signal}` : `exit code ${code}`);
const tail = (server: SpawnedServer): string =>
  `--- stdout ---\n${server.stdout().slice(-4_000)}\n--- stderr ---\n${server.stderr().slice(-4_000)}`;
