/**
 * API throughput and p99 latency (autocannon, 50 connections) for the task list
 * (`GET /api/tasks`) and task create (`POST /api/tasks`) routes of the built server, beside the
 * raw limit measured in the same run: a bare Fastify server answering the same list body and
 * echoing the same create body (bench/api/bare-fastify.mjs). Then the same four measurements
 * again while 100 fake agents stream 20 lines/s each into the server.
 *
 *   npx tsx bench/api/api.ts [--seconds 10] [--connections 50] [--agents 100] [--store sqlite|postgres]
 *
 * Build first (npm run build). Embedded store by default (SQLite); the team is paused so created
 * tasks are not dispatched (the agents are direct runs). Writes bench/results/api.json and prints
 * it. Figures are measured, never asserted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isTerminalRunStatus, run as runSchema } from '@dash/shared';
import autocannon from 'autocannon';
import { FAKE_AGENT } from '../../packages/server/test/fixtures/fake-agent/fake-agent-runner.js';
import { teamMember, teamRegistry } from '../../packages/server/test/support/core-loop-harness.js';
import { makeRegistryFixture } from '../../packages/server/test/support/employee-registry-fixture.js';
import { createTestDatabase, type TestDatabase } from '../../packages/server/test/support/postgres.js';
import { scripted } from '../../packages/server/test/support/run-harness.js';
import { startServer, type SpawnedServer } from '../../packages/server/test/support/server-process.js';
import { makeTempDir } from '../../packages/server/test/support/temp-dir.js';
import { load1, rssMb } from '../lib/server-sampler.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    agents: { type: 'string', default: '100' },
    store: { type: 'string', default: 'sqlite' },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const AGENTS = Number(values.agents);
const RATE = 20;
const SEED_TASKS = 200;
const createBody = { title: 'Benchmark task', description: 'Created by bench/api.', priority: 'medium', labels: ['bench'] };

interface Load {
  requestsPerSec: number;
  latencyMs: { p50: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  load1: number;
}

async function hammer(url: string, options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: options.method ?? 'GET',
    headers: { ...options.headers, ...(options.body !== undefined && { 'content-type': 'application/json' }) },
    ...(options.body !== undefined && { body: options.body }),
  });
  return {
    requestsPerSec: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    load1: load1(),
  };
}

async function startBare(listFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./bare-fastify.mjs', import.meta.url)), listFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(Number(line)));
    child.once('exit', (code) => reject(new Error(`bare Fastify exited ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

/** list + create on ours and on the bare server, one after another (never concurrently). */
async function round(server: SpawnedServer, bareUrl: string): Promise<Record<string, Load>> {
  const auth = server.authHeaders();
  return {
    listOurs: await hammer(`${server.url}/api/tasks`, { headers: auth }),
    listBare: await hammer(`${bareUrl}/list`, {}),
    createOurs: await hammer(`${server.url}/api/tasks`, { method: 'POST', headers: auth, body: JSON.stringify(createBody) }),
    createBare: await hammer(`${bareUrl}/create`, { method: 'POST', body: JSON.stringify(createBody) }),
  };
}

const registry = await makeRegistryFixture();
const scratch = await makeTempDir('dash-bench-api-');
let database: TestDatabase | null = null;
let server: SpawnedServer | null = null;
let bare: ChildProcess | null = null;
try {
  await registry.write(teamRegistry([teamMember('emp_401', { status: 'paused' })]));
  if (values.store === 'postgres') database = await createTestDatabase();
  server = await startServer({
    env: {
      NODE_ID: 'bench-api',
      LOG_LEVEL: 'warn',
      AGENT_CLAUDE_BIN: FAKE_AGENT,
      AGENT_CODEX_BIN: '/nonexistent/codex',
      EMPLOYEE_REGISTRY_DIR: registry.path,
      MAX_CONCURRENT_PROCESSES: String(Math.max(20, AGENTS)),
      // The benchmark measures the routes, not the per-address limiter (all load is from 127.0.0.1).
      RATE_LIMIT_READ: '0',
      RATE_LIMIT_WRITE: '0',
      ...(database !== null && { DATABASE_URL: database.url }),
    },
  });
  for (let i = 0; i < SEED_TASKS; i += 1) {
    const res = await server.api('/api/tasks', { method: 'POST', body: JSON.stringify({ ...createBody, title: `Seed ${i}` }) });
    if (res.status !== 201) throw new Error(`seeding: POST /api/tasks answered ${res.status}: ${await res.text()}`);
  }
  const listFile = join(scratch.path, 'list.json');
  const listRes = await server.api('/api/tasks');
  if (listRes.status !== 200) throw new Error(`GET /api/tasks answered ${listRes.status}`);
  writeFileSync(listFile, await listRes.text());
  const started = await startBare(listFile);
  bare = started.child;

  const idle = await round(server, started.url);
  const rssIdle = rssMb(server.child.pid!);

  // 100 agents streaming for the whole second round (and a margin).
  const perAgent = RATE * (SECONDS * 4 + 30);
  const runIds: string[] = [];
  for (let i = 0; i < AGENTS; i += 1) {
    const res = await server.api('/api/runs', { method: 'POST', body: JSON.stringify({ runtime: 'claude-code', prompt: scripted('api-bench', { steps: [{ emit: { count: perAgent, rate: RATE, text: 'tick' } }] }) }) });
    if (res.status !== 201) throw new Error(`POST /api/runs answered ${res.status}: ${await res.text()}`);
    runIds.push(runSchema.parse(await res.json()).id);
  }
  await new Promise((r) => setTimeout(r, 3000));
  const streaming = await round(server, started.url);
  const rssStreaming = rssMb(server.child.pid!);
  let stillRunning = 0;
  for (const id of runIds) {
    const current = runSchema.parse(await (await server.api(`/api/runs/${id}`)).json());
    if (!isTerminalRunStatus(current.status)) stillRunning += 1;
  }

  const ratio = (ours: Load, raw: Load): { throughput: number; p99: number } => ({
    throughput: Math.round((ours.requestsPerSec / raw.requestsPerSec) * 1000) / 1000,
    p99: Math.round((ours.latencyMs.p99 / Math.max(1, raw.latencyMs.p99)) * 100) / 100,
  });
  const result = {
    benchmark: 'api',
    at: new Date().toISOString(),
    params: { seconds: SECONDS, connections: CONNECTIONS, agents: AGENTS, linesPerSecondPerAgent: RATE, seedTasks: SEED_TASKS, store: values.store },
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    idle,
    streaming: { ...streaming, agentsStillRunningAtEnd: stillRunning },
    ratios: {
      idle: { list: ratio(idle.listOurs!, idle.listBare!), create: ratio(idle.createOurs!, idle.createBare!) },
      streaming: { list: ratio(streaming.listOurs!, streaming.listBare!), create: ratio(streaming.createOurs!, streaming.createBare!) },
    },
    serverRssMb: { idle: Math.round(rssIdle), streaming: Math.round(rssStreaming) },
  };
  const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}api.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  bare?.kill('SIGTERM');
  await server?.stop('SIGTERM', 30_000);
  await database?.drop();
  await registry.cleanup();
  await scratch.cleanup();
}
