/**
 * bench/ws: latency from an agent printing a line (the fake agent's `ts=` stamp) to a WebSocket
 * client receiving it, over loopback, in two set-ups measured in the same run:
 *
 *  - server: N fake agents at R lines/s for D s through the REAL built server (supervisor, Claude
 *    Code runner, run event log, store, live-feed gateway); one client per run, subscribed to
 *    `run:<id>` before the agent starts printing;
 *  - raw:    the same N agents and line rate through a bare child process → bare `ws` server →
 *    client relay (bench/ws/raw-relay.mjs): the floor any server could reach on this machine.
 *
 * Every line is accounted for (missing and duplicate lines are reported, never hidden).
 *
 *   npx tsx bench/ws/line-latency.ts [--agents 20] [--rate 20] [--seconds 20] [--redis-url redis://…]
 *
 * With --redis-url the server runs its event bus on Redis (clients on the same node are still
 * served in-process). Build first (npm run build). Writes bench/results/ws-latency.json (or
 * ws-latency-redis.json) and prints a summary.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isTerminalRunStatus, run, type RunEvent } from '@dash/shared';
import { WebSocket } from 'ws';
import { FAKE_AGENT } from '../../packages/server/test/fixtures/fake-agent/fake-agent-runner.js';
import { LiveClient } from '../../packages/server/test/support/live-feed-client.js';
import { scripted } from '../../packages/server/test/support/run-harness.js';
import { startServer } from '../../packages/server/test/support/server-process.js';
import { percentiles } from '../lib/stats.js';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '20' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '20' },
    'redis-url': { type: 'string' },
  },
});
const agents = Number(values.agents);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const perAgent = rate * seconds;
const redisUrl = values['redis-url'];
// The pause lets every client subscribe before the first line; it is not part of any latency.
const script = { steps: [{ sleep: 1_000 }, { emit: { count: perAgent, rate, text: 'tick' } }] };
const STAMP = /#(\d+) ts=(\d+)/;

interface Tally {
  latencies: number[];
  /** Line numbers seen, per agent. */
  seen: Set<number>[];
  duplicates: number;
}

const newTally = (): Tally => ({ latencies: [], seen: Array.from({ length: agents }, () => new Set<number>()), duplicates: 0 });

function count(tally: Tally, agent: number, text: string, receivedAt: number): void {
  const match = STAMP.exec(text);
  if (!match) return;
  const line = Number(match[1]);
  const seen = tally.seen[agent];
  if (!seen) return;
  if (seen.has(line)) tally.duplicates += 1;
  seen.add(line);
  tally.latencies.push(receivedAt - Number(match[2]));
}

function summary(tally: Tally, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const received = tally.seen.reduce((sum, s) => sum + s.size, 0);
  return {
    latencyMs: percentiles(tally.latencies, [50, 95, 99, 100]),
    linesExpected: agents * perAgent,
    linesReceived: received,
    missing: agents * perAgent - received,
    duplicates: tally.duplicates,
    ...extra,
  };
}

/** utime + stime of a process in seconds (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function throughServer(): Promise<Record<string, unknown>> {
  const server = await startServer({
    env: {
      NODE_ID: 'bench-ws',
      LOG_LEVEL: 'warn',
      AGENT_CLAUDE_BIN: FAKE_AGENT,
      AGENT_CODEX_BIN: '/nonexistent/codex',
      MAX_CONCURRENT_PROCESSES: String(Math.max(20, agents)),
      ...(redisUrl !== undefined && { REDIS_URL: redisUrl }),
    },
  });
  const tally = newTally();
  const pid = server.child.pid ?? 0;
  try {
    const clients = await Promise.all(Array.from({ length: agents }, () => LiveClient.open(server.url, undefined, { headers: server.authHeaders() })));
    const cpuBefore = cpuSeconds(pid);
    const startedAt = performance.now();
    const runIds: string[] = [];
    for (const [agent, client] of clients.entries()) {
      client.listen((m, receivedAt) => {
        if (m.type !== 'event') return;
        const event = (m.data as RunEvent).event;
        if (event.type === 'assistant.text') count(tally, agent, event.text, receivedAt);
      });
      const res = await server.api(`/api/runs`, {
        method: 'POST',
        body: JSON.stringify({ runtime: 'claude-code', prompt: scripted('bench', script) }),
      });
      if (res.status !== 201) throw new Error(`POST /api/runs answered ${res.status}: ${await res.text()}`);
      const started = run.parse(await res.json());
      runIds.push(started.id);
      await client.subscribe(`run:${started.id}`);
    }
    for (const id of runIds) {
      for (;;) {
        const current = run.parse(await (await server.api(`/api/runs/${id}`)).json());
        if (isTerminalRunStatus(current.status)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    // The last events may still be in flight to the clients.
    await new Promise((r) => setTimeout(r, 500));
    const elapsedS = (performance.now() - startedAt) / 1000;
    const serverCpuPct = ((cpuSeconds(pid) - cpuBefore) / elapsedS) * 100;
    for (const client of clients) client.terminate();
    return summary(tally, { serverCpuPct: Math.round(serverCpuPct) });
  } finally {
    await server.stop();
  }
}

async function throughRawRelay(): Promise<Record<string, unknown>> {
  const relayPath = fileURLToPath(new URL('./raw-relay.mjs', import.meta.url));
  const relay = spawn(process.execPath, [relayPath, FAKE_AGENT], { stdio: ['ignore', 'pipe', 'inherit'] });
  const tally = newTally();
  try {
    const port = await new Promise<number>((resolve, reject) => {
      createInterface({ input: relay.stdout }).once('line', (line) => resolve(Number(line)));
      relay.once('exit', (code) => reject(new Error(`raw relay exited ${code}`)));
    });
    const query = encodeURIComponent(JSON.stringify({ ...script, format: 'text', result: false }));
    await Promise.all(
      Array.from({ length: agents }, (_, agent) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/?script=${query}`);
        socket.on('message', (data) => count(tally, agent, String(data), Date.now()));
        return new Promise<void>((resolve, reject) => {
          socket.once('close', () => resolve());
          socket.once('error', reject);
        });
      }),
    );
    return summary(tally);
  } finally {
    relay.kill('SIGTERM');
  }
}

const server = await throughServer();
const raw = await throughRawRelay();
const result = {
  benchmark: 'ws-line-latency',
  at: new Date().toISOString(),
  params: { agents, linesPerSecondPerAgent: rate, seconds, linesPerAgent: perAgent, bus: redisUrl === undefined ? 'local' : 'redis' },
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
  server,
  raw,
};
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}${redisUrl === undefined ? 'ws-latency' : 'ws-latency-redis'}.json`, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
