/**
 * Shared pieces of the fault suite (`npm run test:faults`, docs/operations.md#fault-suite): a
 * built server on a private team of fake agents (as `claude`), one API helper for every call
 * (credentials in one place), task helpers, and reads of the STORE itself (the SQLite file or the
 * PostgreSQL database, never the API) for what must hold after a fault.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { task as taskSchema, type Task } from '@dash/shared';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SQLITE_FILE_NAME } from '../../src/app.js';
import { withExplicitUser } from '../../src/adapters/store/postgres-connection.js';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { startServer, type ServerOptions, type SpawnedServer } from '../support/server-process.js';

export { fakeScript };

export const ACTIVE_RUN_STATUSES = ['queued', 'starting', 'running', 'stopping'] as const;

/** Environment of a fault-suite server: fake agent as `claude`, fast dispatch and retries. */
export function faultEnv(registry: RegistryFixture, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AGENT_CLAUDE_BIN: FAKE_AGENT,
    AGENT_CODEX_BIN: '/nonexistent/codex',
    AGENT_STOP_GRACE: '300ms',
    AGENT_MAX_RESTARTS: '0',
    EMPLOYEE_REGISTRY_DIR: registry.path,
    DISPATCH_INTERVAL: '200ms',
    TASK_RETRY_BACKOFF: '200ms',
    // The suite polls tasks from one address: test the faults, not the per-address limiter.
    RATE_LIMIT_READ: '0',
    RATE_LIMIT_WRITE: '0',
    ...extra,
  };
}

/** A private registry with `count` active employees on the fake agent, `slots` each. */
export async function faultTeam(count = 2, slots = 1): Promise<RegistryFixture> {
  const registry = await makeRegistryFixture();
  const ids = Array.from({ length: count }, (_, i) => `emp_${String(301 + i)}`);
  await registry.write(teamRegistry(ids.map((id) => teamMember(id, { maxConcurrentTasks: slots }))));
  return registry;
}

export function startFaultServer(registry: RegistryFixture, env: Record<string, string> = {}, options: ServerOptions = {}): Promise<SpawnedServer> {
  return startServer({ readyTimeoutMs: 60_000, ...options, env: faultEnv(registry, env) });
}

/** THE API call of the fault suite: every HTTP request goes through here. */
export async function call(server: SpawnedServer, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await server.api(path, { method, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, json };
}

export async function createTask(server: SpawnedServer, title: string, description: string, extra: Record<string, unknown> = {}): Promise<Task> {
  const res = await call(server, 'POST', '/api/tasks', { title, description, priority: 'medium', ...extra });
  if (res.status !== 201) throw new Error(`POST /api/tasks: ${res.status} ${JSON.stringify(res.json)}`);
  return taskSchema.parse(res.json);
}

export async function getTask(server: SpawnedServer, id: string): Promise<Task> {
  const res = await call(server, 'GET', `/api/tasks/${id}`);
  if (res.status !== 200) throw new Error(`GET /api/tasks/${id}: ${res.status} ${JSON.stringify(res.json)}`);
  return taskSchema.parse(res.json);
}

/** Polls until every task satisfies `done`; the error names the ones that did not. */
export async function waitForTasks(server: SpawnedServer, ids: readonly string[], done: (t: Task) => boolean, timeoutMs = 60_000): Promise<Task[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tasks = await Promise.all(ids.map((id) => getTask(server, id)));
    if (tasks.every(done)) return tasks;
    if (Date.now() > deadline) {
      throw new Error(`not settled: ${tasks.filter((t) => !done(t)).map((t) => `${t.title}=${t.status}`).join(', ')}`);
    }
    await sleep(200);
  }
}

export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Runs `fn`; when it throws, the error carries the tail of the server's output (for diagnosis). */
export async function withServerOutput<T>(server: SpawnedServer, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    // Warnings and errors first (they say what went wrong), then the last lines.
    const lines = `${server.stdout()}\n${server.stderr()}`.split('\n').filter(Boolean);
    const loud = lines.filter((l) => !l.startsWith('{"level":30') && !l.startsWith('{"level":20'));
    const tail = [...loud.slice(-25), '…', ...lines.slice(-5)].map((l) => l.slice(0, 600)).join('\n');
    const exit = server.child.exitCode ?? server.child.signalCode;
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n(server exit: ${String(exit)}) server output, last lines:\n${tail}`, { cause: err });
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface StoredRun {
  id: string;
  task_id: string | null;
  status: string;
  error_code: string | null;
  error_message: string | null;
  pid: number | null;
  exit_signal: string | null;
  event_count: number;
  event_bytes: number;
  log_truncated: boolean;
}
export interface StoredTask {
  id: string;
  title: string;
  status: string;
  attempts: number;
}
export interface StoredTimeline {
  task_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
}
export interface StoreSnapshot {
  runs: StoredRun[];
  tasks: StoredTask[];
  timeline: StoredTimeline[];
  /** run id → number of stored events and distinct seqs (equal when no event is duplicated). */
  events: Map<string, { rows: number; distinctSeq: number; maxSeq: number }>;
}

const RUNS_SQL = 'select id, task_id, status, error_code, error_message, pid, exit_signal, event_count, event_bytes, log_truncated from runs';
const TASKS_SQL = 'select id, title, status, attempts from tasks';
const TIMELINE_SQL = 'select task_id, from_status, to_status, reason from task_timeline order by seq';
const EVENTS_SQL = 'select run_id, count(*) as n, count(distinct seq) as d, max(seq) as m from run_events group by run_id';

/** Reads runs, tasks, the timeline and event counts straight from a SQLite store file. */
export function readSqliteStore(dataDir: string): StoreSnapshot {
  const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    const runs = (db.prepare(RUNS_SQL).all() as StoredRun[]).map((r) => ({ ...r, log_truncated: Boolean(r.log_truncated), event_count: Number(r.event_count), event_bytes: Number(r.event_bytes) }));
    return {
      runs,
      tasks: db.prepare(TASKS_SQL).all() as StoredTask[],
      timeline: db.prepare(TIMELINE_SQL).all() as StoredTimeline[],
      events: eventMap(db.prepare(EVENTS_SQL).all() as { run_id: string; n: number; d: number; m: number }[]),
    };
  } finally {
    db.close();
  }
}

/** One read-only query on a SQLite store file. */
export function sqliteQuery<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` of the SQLite store file: 'ok' when it is not corrupted. */
export function sqliteIntegrity(dataDir: string): string {
  const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** The same snapshot from a PostgreSQL store. */
export async function readPostgresStore(url: string): Promise<StoreSnapshot> {
  const client = new pg.Client({ connectionString: withExplicitUser(url) });
  await client.connect();
  try {
    const runs = (await client.query(RUNS_SQL)).rows as StoredRun[];
    return {
      runs: runs.map((r) => ({ ...r, event_count: Number(r.event_count), event_bytes: Number(r.event_bytes) })),
      tasks: (await client.query(TASKS_SQL)).rows as StoredTask[],
      timeline: (await client.query(TIMELINE_SQL)).rows as StoredTimeline[],
      events: eventMap(((await client.query(EVENTS_SQL)).rows as { run_id: string; n: string; d: string; m: string }[]).map((r) => ({ run_id: r.run_id, n: Number(r.n), d: Number(r.d), m: Number(r.m) }))),
    };
  } finally {
    await client.end();
  }
}

function eventMap(rows: readonly { run_id: string; n: number; d: number; m: number }[]): StoreSnapshot['events'] {
  return new Map(rows.map((r) => [r.run_id, { rows: Number(r.n), distinctSeq: Number(r.d), maxSeq: Number(r.m) }]));
}

/** Nothing stuck: no run active and no task running once the server is stopped and settled. */
export function stuck(snapshot: StoreSnapshot): string[] {
  return [
    ...snapshot.runs.filter((r) => (ACTIVE_RUN_STATUSES as readonly string[]).includes(r.status)).map((r) => `run ${r.id} ${r.status}`),
    ...snapshot.tasks.filter((t) => t.status === 'running').map((t) => `task ${t.title} running`),
  ];
}

/** True when a process group (or process) with this id still exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs a service command (argv, no shell); throws with its output when it fails. */
export function runCommand(argv: readonly string[], timeoutMs = 60_000): string {
  const res = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', timeout: timeoutMs });
  if (res.status !== 0) throw new Error(`${argv.join(' ')} exited ${String(res.status)}: ${res.stdout}${res.stderr}`);
  return res.stdout;
}
