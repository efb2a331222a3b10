#!/usr/bin/env node
/**
 * Startup benchmark: wall time from spawning the BUILT server (`node packages/server/dist/main.js`)
 * to its first `GET /ready` → 200, over N runs per mode, then median and p95. Figures are
 * printed, never asserted.
 *
 *   npm run build -w @dash/shared && npx tsc -b packages/server
 *   node bench/startup/startup.mjs [--runs 10] [--json]
 *
 * Modes:
 *   embedded  SQLite in a temp DATA_DIR (one untimed boot first creates and migrates the file, so
 *             the timed runs are warm restarts; the cold first boot is reported separately);
 *   postgres  DATABASE_URL → a fresh database on TEST_DATABASE_URL (default
 *             postgres://root@127.0.0.1:5432/test), dropped afterwards; same warm/cold split.
 * Each run is stopped with SIGTERM and must exit 0 before the next one starts.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const MAIN = fileURLToPath(new URL('../../packages/server/dist/main.js', import.meta.url));
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 10;
const JSON_OUT = args.includes('--json');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Production requires a memory encryption key; one per benchmark process, so warm restarts reuse it.
const MEMORY_ENCRYPTION_KEY = randomBytes(32).toString('base64');

/** One boot: ms from spawn to the first 200 on /ready, then SIGTERM and wait for exit 0. */
async function bootOnce(extraEnv) {
  const port = await freePort();
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), MEMORY_ENCRYPTION_KEY, ...extraEnv };
  let output = '';
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let exitedEarly = null;
  void exited.then((r) => (exitedEarly = r));
  let readyMs = null;
  const deadline = started + 30_000;
  while (performance.now() < deadline && exitedEarly === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) {
        readyMs = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGTERM');
  const exit = await exited;
  if (readyMs === null || exit.code !== 0) {
    throw new Error(`boot failed (ready=${readyMs}, exit=${JSON.stringify(exit)}):\n${output.slice(-3000)}`);
  }
  return readyMs;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(label, env) {
  const coldMs = await bootOnce(env);
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await bootOnce(env));
  const sorted = [...samples].sort((a, b) => a - b);
  return { mode: label, runs: RUNS, coldMs, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), minMs: sorted[0], maxMs: sorted.at(-1) };
}

async function withAdmin(fn) {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function main() {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm run build -w @dash/shared && npx tsc -b packages/server)`);
  const results = [];

  const dataDir = mkdtempSync(join(tmpdir(), 'dash-bench-startup-'));
  try {
    results.push(await measure('embedded (SQLite)', { DATA_DIR: dataDir }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const name = `dash_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  try {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const emptyDataDir = join(tmpdir(), `dash-bench-unused-${name}`);
    results.push(await measure('postgres', { DATABASE_URL: url.toString(), DATA_DIR: emptyDataDir }));
  } finally {
    await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
  }

  if (JSON_OUT) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const f = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
  console.log(`spawn → GET /ready 200, ${RUNS} warm runs per mode (node ${process.version})`);
  console.log(`${'mode'.padEnd(20)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)} ${'cold 1st'.padStart(9)}`);
  for (const r of results) {
    console.log(`${r.mode.padEnd(20)} ${f(r.medianMs)} ${f(r.p95Ms)} ${f(r.minMs)} ${f(r.maxMs)} ${f(r.coldMs)}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
