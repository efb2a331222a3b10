/**
 * Concurrent agents: how many streaming fake agents one machine holds with agent-line →
 * subscriber latency p95 under 100 ms. Ramps 25, 50, 100, 150, 200, 300, 400 agents (each
 * printing 20 lines/s for `--seconds`) through a fresh built server per step, with one live-feed
 * client per agent over loopback, until p95 exceeds the limit. The knee is the largest step that
 * stayed under it (with no line lost). Also reports the server's RSS per agent: (median RSS while
 * streaming − RSS before the agents) / agents.
 *
 *   npx tsx bench/agents/knee.ts [--steps 25,50,100,150,200,300,400] [--seconds 20] [--limit-ms 100]
 *
 * Build first (npm run build). Writes bench/results/agents-knee.json and prints it. Figures are
 * measured, never asserted; every step records the load average beside it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isTerminalRunStatus, run, type RunEvent } from '@dash/shared';
import { FAKE_AGENT } from '../../packages/server/test/fixtures/fake-agent/fake-agent-runner.js';
import { LiveClient } from '../../packages/server/test/support/live-feed-client.js';
import { scripted } from '../../packages/server/test/support/run-harness.js';
import { startServer } from '../../packages/server/test/support/server-process.js';
import { startSampler, rssMb, load1 } from '../lib/server-sampler.js';
import { median, percentiles } from '../lib/stats.js';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '25,50,100,150,200,300,400' },
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '20' },
    'limit-ms': { type: 'string', default: '100' },
  },
});
const STEPS = values.steps.split(',').map(Number);
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const LIMIT = Number(values['limit-ms']);
const STAMP = /#(\d+) ts=(\d+)/;

interface Step {
  agents: number;
  latencyMs: Record<string, number>;
  linesExpected: number;
  linesReceived: number;
  lost: number;
  duplicates: number;
  rssIdleMb: number;
  rssStreamingMb: number;
  rssPerAgentMb: number;
  load1: { start: number; end: number };
  underLimit: boolean;
}

async function step(agents: number): Promise<Step> {
  const perAgent = RATE * SECONDS;
  const server = await startServer({
    env: { NODE_ID: 'bench-knee', LOG_LEVEL: 'warn', AGENT_CLAUDE_BIN: FAKE_AGENT, AGENT_CODEX_BIN: '/nonexistent/codex', MAX_CONCURRENT_PROCESSES: String(agents) },
    readyTimeoutMs: 60_000,
  });
  const pid = server.child.pid!;
  const latencies: number[] = [];
  const seen = Array.from({ length: agents }, () => new Set<number>());
  let duplicates = 0;
  const loadStart = load1();
  try {
    const rssIdleMb = rssMb(pid);
    // Clients subscribe before the first line: each agent sleeps a moment before printing.
    const script = { steps: [{ sleep: 2_000 }, { emit: { count: perAgent, rate: RATE, text: 'tick' } }] };
    const clients: LiveClient[] = [];
    const ids: string[] = [];
    for (let agent = 0; agent < agents; agent += 1) {
      const client = await LiveClient.open(server.url, undefined, { headers: server.authHeaders() });
      client.listen((m, receivedAt) => {
        if (m.type !== 'event') return;
        const event = (m.data as RunEvent).event;
        if (event.type !== 'assistant.text') return;
        const match = STAMP.exec(event.text);
        if (!match) return;
        const line = Number(match[1]);
        if (seen[agent]!.has(line)) duplicates += 1;
        seen[agent]!.add(line);
        latencies.push(receivedAt - Number(match[2]));
      });
      const res = await server.api('/api/runs', { method: 'POST', body: JSON.stringify({ runtime: 'claude-code', prompt: scripted('knee', script) }) });
      if (res.status !== 201) throw new Error(`POST /api/runs answered ${res.status}: ${await res.text()}`);
      const started = run.parse(await res.json());
      ids.push(started.id);
      await client.subscribe(`run:${started.id}`);
      clients.push(client);
    }
    const sampler = startSampler(pid, server.url, 1000);
    for (const id of ids) {
      for (;;) {
        const current = run.parse(await (await server.api(`/api/runs/${id}`)).json());
        if (isTerminalRunStatus(current.status)) break;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    const samples = sampler.stop();
    await new Promise((r) => setTimeout(r, 500));
    for (const client of clients) client.terminate();
    const received = seen.reduce((sum, s) => sum + s.size, 0);
    const streaming = samples.slice(Math.floor(samples.length / 4), Math.ceil((samples.length * 3) / 4));
    const rssStreamingMb = median((streaming.length > 0 ? streaming : samples).map((s) => s.rssMb));
    const latencyMs = percentiles(latencies, [50, 95, 99, 100]);
    const lost = agents * perAgent - received;
    return {
      agents,
      latencyMs,
      linesExpected: agents * perAgent,
      linesReceived: received,
      lost,
      duplicates,
      rssIdleMb: Math.round(rssIdleMb),
      rssStreamingMb: Math.round(rssStreamingMb),
      rssPerAgentMb: Math.round(((rssStreamingMb - rssIdleMb) / agents) * 100) / 100,
      load1: { start: loadStart, end: load1() },
      underLimit: (latencyMs.p95 ?? Infinity) <= LIMIT && lost === 0,
    };
  } finally {
    await server.stop('SIGTERM', 60_000);
  }
}

const steps: Step[] = [];
for (const agents of STEPS) {
  const result = await step(agents);
  steps.push(result);
  console.log(`${String(agents).padStart(4)} agents: p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, lost ${result.lost}, RSS/agent ${result.rssPerAgentMb} MB, load ${result.load1.start}→${result.load1.end}`);
  if (!result.underLimit) break;
}
const knee = [...steps].reverse().find((s) => s.underLimit) ?? null;
const result = {
  benchmark: 'agents-knee',
  at: new Date().toISOString(),
  params: { steps: STEPS, seconds: SECONDS, linesPerSecondPerAgent: RATE, limitMs: LIMIT },
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
  steps,
  kneeAgents: knee?.agents ?? 0,
  /** true when even the last step stayed under the limit: the knee is at least kneeAgents. */
  kneeOpenEnded: steps.at(-1)?.underLimit ?? false,
  rssPerAgentMbAtKnee: knee?.rssPerAgentMb ?? null,
};
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}agents-knee.json`, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
