/**
 * Soak: 50 fake agents streaming for 15 minutes into the built server while "UI clients" are
 * connected (live-feed clients subscribed to every run and to the tasks topic, each also polling
 * the task and run lists every 5 s the way the SPA's pages do). Samples the server's RSS and V8
 * heap every 10 s and reports their slope over the second half (MB per minute: ~0 means it
 * levelled off), and counts every event end to end: for each run, the events each client
 * received (distinct seqs) against the events the store holds.
 *
 *   npx tsx bench/soak/soak.ts [--minutes 15] [--agents 50] [--rate 5] [--clients 3]
 *
 * Build first (npm run build). Writes bench/results/soak.json and prints it. A shorter run is
 * labelled with its `minutes` in the result; only `--minutes 15` is the soak the issue asks for.
 * Heap snapshots: SOAK_SERVER_NODE_OPTIONS='--heapsnapshot-signal=SIGUSR2' npx tsx bench/soak/soak.ts,
 * then `kill -USR2 <server pid>`; the .heapsnapshot files land in the current directory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isTerminalRunStatus, run, type Run, type RunEvent } from '@dash/shared';
import { FAKE_AGENT } from '../../packages/server/test/fixtures/fake-agent/fake-agent-runner.js';
import { LiveClient } from '../../packages/server/test/support/live-feed-client.js';
import { scripted } from '../../packages/server/test/support/run-harness.js';
import { startServer } from '../../packages/server/test/support/server-process.js';
import { load1, startSampler, type ServerSample } from '../lib/server-sampler.js';
import { slope } from '../lib/stats.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '15' },
    agents: { type: 'string', default: '50' },
    rate: { type: 'string', default: '5' },
    clients: { type: 'string', default: '3' },
  },
});
const MINUTES = Number(values.minutes);
const AGENTS = Number(values.agents);
const RATE = Number(values.rate);
const CLIENTS = Number(values.clients);
const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

const server = await startServer({
  env: {
    NODE_ID: 'bench-soak',
    LOG_LEVEL: 'warn',
    AGENT_CLAUDE_BIN: FAKE_AGENT,
    AGENT_CODEX_BIN: '/nonexistent/codex',
    MAX_CONCURRENT_PROCESSES: String(AGENTS),
    // The clients poll from one address: measure memory, not the limiter.
    RATE_LIMIT_READ: '0',
    // Keep every event: the end-to-end count compares all of them.
    RUN_LOG_CAP_MB: '1000',
    // Diagnostics: SOAK_SERVER_NODE_OPTIONS is passed to the server as NODE_OPTIONS, e.g.
    // '--heapsnapshot-signal=SIGUSR2' to `kill -USR2 <server pid>` for heap snapshots (written to the cwd).
    ...(process.env.SOAK_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SOAK_SERVER_NODE_OPTIONS } : {}),
  },
  readyTimeoutMs: 60_000,
});
const pid = server.child.pid!;
const loadStart = load1();
let samples: ServerSample[] = [];
let result: Record<string, unknown> = {};
try {
  const clients: LiveClient[] = [];
  /** received[client][runId] = distinct seqs */
  const received: Map<string, Set<number>>[] = [];
  for (let c = 0; c < CLIENTS; c += 1) {
    const client = await LiveClient.open(server.url, undefined, { headers: server.authHeaders() });
    const seen = new Map<string, Set<number>>();
    client.listen((m) => {
      if (m.type !== 'event' || !m.topic.startsWith('run:')) return;
      const ev = m.data as RunEvent;
      let set = seen.get(ev.runId);
      if (!set) seen.set(ev.runId, (set = new Set()));
      set.add(ev.seq);
    });
    await client.subscribe('tasks');
    clients.push(client);
    received.push(seen);
  }
  const perAgent = Math.round(RATE * MINUTES * 60);
  const script = { steps: [{ sleep: 2_000 }, { emit: { count: perAgent, rate: RATE, text: 'soak', bytes: 160 } }] };
  const ids: string[] = [];
  for (let i = 0; i < AGENTS; i += 1) {
    const res = await server.api('/api/runs', { method: 'POST', body: JSON.stringify({ runtime: 'claude-code', prompt: scripted('soak', script) }) });
    if (res.status !== 201) throw new Error(`POST /api/runs answered ${res.status}: ${await res.text()}`);
    const id = run.parse(await res.json()).id;
    ids.push(id);
    // Subscribing from seq 0 replays what was already stored: nothing is missed before the subscribe.
    for (const client of clients) await client.subscribe(`run:${id}`, { afterSeq: 0 });
  }
  const sampler = startSampler(pid, server.url, 10_000);
  let polls = 0;
  let pollFailures = 0;
  const poller = setInterval(() => {
    for (let c = 0; c < CLIENTS; c += 1) {
      for (const path of ['/api/tasks', '/api/runs?limit=50']) {
        polls += 1;
        server.api(path).then(
          (r) => {
            if (r.status !== 200) pollFailures += 1;
            return r.arrayBuffer();
          },
          () => (pollFailures += 1),
        );
      }
    }
  }, 5_000);
  const finals: Run[] = [];
  for (const id of ids) {
    for (;;) {
      const current = run.parse(await (await server.api(`/api/runs/${id}`)).json());
      if (isTerminalRunStatus(current.status)) {
        finals.push(current);
        break;
      }
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }
  clearInterval(poller);
  samples = sampler.stop();
  await new Promise((r) => setTimeout(r, 1_000));
  for (const client of clients) client.terminate();

  const storedEvents = finals.reduce((sum, r) => sum + r.eventCount, 0);
  const perClient = received.map((seen) => finals.reduce((sum, r) => sum + (seen.get(r.id)?.size ?? 0), 0));
  const secondHalf = samples.filter((s) => s.t >= (samples.at(-1)?.t ?? 0) / 2);
  const perMinute = (pick: (s: ServerSample) => number | null, from: ServerSample[]): number =>
    round(slope(from.flatMap((s) => (pick(s) === null ? [] : [{ x: s.t / 60_000, y: pick(s) as number }]))));
  result = {
    benchmark: 'soak',
    at: new Date().toISOString(),
    params: { minutes: MINUTES, agents: AGENTS, linesPerSecondPerAgent: RATE, uiClients: CLIENTS, sampleEverySeconds: 10 },
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    runs: { succeeded: finals.filter((r) => r.status === 'succeeded').length, total: finals.length },
    events: { stored: storedEvents, receivedPerClient: perClient, lostPerClient: perClient.map((n) => storedEvents - n) },
    polls: { sent: polls, failed: pollFailures },
    rssMb: { first: round(samples[0]?.rssMb ?? 0, 1), max: round(Math.max(...samples.map((s) => s.rssMb)), 1), last: round(samples.at(-1)?.rssMb ?? 0, 1) },
    heapUsedMb: {
      first: round(samples[0]?.heapUsedMb ?? 0, 1),
      max: round(Math.max(...samples.map((s) => s.heapUsedMb ?? 0)), 1),
      last: round(samples.at(-1)?.heapUsedMb ?? 0, 1),
    },
    slopeMbPerMinute: {
      rssSecondHalf: perMinute((s) => s.rssMb, secondHalf),
      heapSecondHalf: perMinute((s) => s.heapUsedMb, secondHalf),
      rssWhole: perMinute((s) => s.rssMb, samples),
      heapWhole: perMinute((s) => s.heapUsedMb, samples),
    },
    load1: { start: loadStart, end: load1(), max: Math.max(...samples.map((s) => s.load1)) },
    samples,
  };
} finally {
  await server.stop('SIGTERM', 60_000);
}
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}soak.json`, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ ...result, samples: `${samples.length} samples (in soak.json)` }, null, 2));
