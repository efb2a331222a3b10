#!/usr/bin/env node
// `npm run bench`: builds, then runs every benchmark scenario one after another (never in
// parallel: the machine has 2 cores), each `--runs` times, and
//  - keeps each run's output in bench/results/<scenario>.log (and the JSON the scenario writes);
//  - writes bench/results/<timestamp>.json: every run's figures, the load average around it, and
//    per figure the median of the runs, its spread (min–max), the raw limit measured in the same
//    runs and the ratio;
//  - merges that into bench/results/latest.json (the newest result of each scenario) and
//    regenerates the section of docs/benchmarks.md between the `bench:generated` markers (the
//    hand-written text around it stays).
// Figures are measurements, never assertions.
//
//   npm run bench                          every scenario (soak: one 15-minute run)
//   npm run bench -- agents ws             only those
//   npm run bench -- --quick               short versions (smaller, shorter; labelled quick)
//   npm run bench -- --runs 5              repetitions per scenario (default 3, quick 1)
//   npm run bench -- --no-build --no-docs
//   npm run bench -- --docs-only           regenerate the docs section from bench/results/latest.json
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = `${root}bench/results`;
const DOC = `${root}docs/benchmarks.md`;
const START = '<!-- bench:generated:start -->';
const END = '<!-- bench:generated:end -->';

const tsx = (script, ...args) => ['npx', 'tsx', script, ...args];
const readJson = (name) => JSON.parse(readFileSync(`${results}/${name}`, 'utf8'));
const row = (figure, unit, value, better, raw) => ({ figure, unit, value, better, ...(raw !== undefined && raw !== null && { raw }) });

/**
 * name → { argv, quick (argv), figures(run) → rows, once (run once whatever --runs says) }.
 * A row: { figure, unit, value, better: 'lower'|'higher', raw? } where raw is the raw limit
 * measured in the same run. A plain argv array is accepted too (output kept, no figures).
 */
const scenarios = {
  startup: {
    argv: ['node', 'bench/startup/startup.mjs', '--json'],
    quick: ['node', 'bench/startup/startup.mjs', '--json', '--runs', '3'],
    figures: ({ stdout }) => {
      const list = JSON.parse(stdout.slice(stdout.indexOf('[')));
      return list.flatMap((m) => [row(`start-up to ready, median of warm boots (${m.mode})`, 'ms', Math.round(m.medianMs), 'lower')]);
    },
  },
  'store-append': {
    argv: tsx('bench/store/append.ts'),
    figures: () => readJson('store-append.json').figures.map((f) => row(`events appended (${f.label})`, 'events/s', f.eventsPerSec, 'higher')),
  },
  'queue-throughput': {
    argv: tsx('bench/queue/throughput.ts'),
    figures: () => {
      const r = readJson('queue-throughput.json').results;
      const find = (prefix, n) => r.find((x) => x.label.startsWith(prefix) && x.label.includes(`, ${n} consumer`));
      return [1, 4].flatMap((n) => [
        row(`queue: our BullMQ adapter vs raw BullMQ Worker, ${n} consumer(s)`, 'jobs/s', find('bullmq (our adapter)', n)?.jobsPerSec, 'higher', find('bullmq (raw Worker)', n)?.jobsPerSec),
        row(`queue: embedded on SQLite vs raw SQLite claims, ${n} consumer(s)`, 'jobs/s', find('embedded SQLite', n)?.jobsPerSec, 'higher', find('raw SQLite', n)?.jobsPerSec),
        row(`queue: embedded on PostgreSQL, ${n} consumer(s)`, 'jobs/s', find('embedded PostgreSQL', n)?.jobsPerSec, 'higher'),
      ]).filter((x) => x.value !== undefined);
    },
  },
  agents: {
    argv: tsx('bench/agents/agents.ts'),
    quick: tsx('bench/agents/agents.ts', '--agents', '20', '--seconds', '10'),
    figures: () => agentRows(readJson('agents-sqlite.json')),
  },
  'agents-postgres': {
    argv: tsx('bench/agents/agents.ts', '--store', 'postgres'),
    quick: tsx('bench/agents/agents.ts', '--store', 'postgres', '--agents', '20', '--seconds', '10'),
    figures: () => agentRows(readJson('agents-postgres.json')),
  },
  'agents-knee': {
    argv: tsx('bench/agents/knee.ts'),
    quick: tsx('bench/agents/knee.ts', '--steps', '25,50,100', '--seconds', '6'),
    figures: () => {
      const r = readJson('agents-knee.json');
      const label = r.kneeOpenEnded ? ' (every step held: at least)' : '';
      return [
        row(`concurrent streaming agents with line p95 ≤ ${r.params.limitMs} ms${label}`, 'agents', r.kneeAgents, 'higher'),
        ...(r.rssPerAgentMbAtKnee !== null ? [row('server RSS per streaming agent at the knee', 'MB', r.rssPerAgentMbAtKnee, 'lower')] : []),
        ...r.steps.map((s) => row(`line p95 with ${s.agents} agents`, 'ms', s.latencyMs.p95, 'lower')),
      ];
    },
  },
  dispatch: {
    argv: tsx('bench/dispatch/dispatch.ts'),
    quick: tsx('bench/dispatch/dispatch.ts', '--tasks', '200'),
    figures: () => {
      const r = readJson('dispatch.json');
      const out = [];
      for (const backend of ['embedded', 'bullmq']) {
        const b = r[backend];
        if (!b) continue;
        if (b.latencyFreeSlotMs) out.push(row(`dispatch: queued with a free slot → spawned, p95 (${backend})`, 'ms', b.latencyFreeSlotMs.p95, 'lower'));
        const raw = backend === 'bullmq' ? r.rawBullmq?.totalPerSec : undefined;
        if (b.throughput?.withProcesses) out.push(row(`dispatch: tasks end to end with real processes (${backend})${raw ? ' vs raw BullMQ' : ''}`, 'tasks/s', b.throughput.withProcesses.totalPerSec, 'higher', raw));
        if (b.throughput?.processLess) out.push(row(`dispatch: tasks end to end without processes (${backend})${raw ? ' vs raw BullMQ' : ''}`, 'tasks/s', b.throughput.processLess.totalPerSec, 'higher', raw));
      }
      return out;
    },
  },
  ws: {
    argv: tsx('bench/ws/line-latency.ts'),
    quick: tsx('bench/ws/line-latency.ts', '--seconds', '5'),
    figures: () => {
      const r = readJson('ws-latency.json');
      return [
        ...['p50', 'p95', 'p99'].map((p) => row(`live line agent stdout → subscriber ${p} vs bare child → ws pipe`, 'ms', r.server.latencyMs[p], 'lower', r.raw.latencyMs[p])),
        row('live lines missing or duplicated', 'lines', r.server.missing + r.server.duplicates, 'lower'),
      ];
    },
  },
  api: {
    argv: tsx('bench/api/api.ts'),
    quick: tsx('bench/api/api.ts', '--seconds', '3', '--agents', '20'),
    figures: () => {
      const r = readJson('api.json');
      const n = r.params.agents;
      return [['idle', ''], ['streaming', `, ${n} agents streaming`]].flatMap(([phase, label]) => {
        const p = r[phase];
        return [
          row(`GET /api/tasks throughput${label} vs bare Fastify`, 'req/s', p.listOurs.requestsPerSec, 'higher', p.listBare.requestsPerSec),
          row(`GET /api/tasks p99${label} vs bare Fastify`, 'ms', p.listOurs.latencyMs.p99, 'lower', p.listBare.latencyMs.p99),
          row(`POST /api/tasks throughput${label} vs bare Fastify`, 'req/s', p.createOurs.requestsPerSec, 'higher', p.createBare.requestsPerSec),
          row(`POST /api/tasks p99${label} vs bare Fastify`, 'ms', p.createOurs.latencyMs.p99, 'lower', p.createBare.latencyMs.p99),
        ];
      });
    },
  },
  ui: {
    argv: tsx('bench/ui/ui.ts'),
    quick: tsx('bench/ui/ui.ts', '--lines', '200', '--heap-lines', '20000'),
    figures: () => {
      const r = readJson('ui.json');
      return [
        ...(r.latency ? [row('agent line → browser DOM p95', 'ms', r.latency.latencyMs.p95, 'lower')] : []),
        ...(r.heap ? [row(`browser JS heap peak, ${r.heap.lines} lines into one run view`, 'MB', r.heap.peakHeapMB, 'lower')] : []),
        ...(r.bundle ? [row('initial JS bundle, gzipped', 'KB', r.bundle.initial.gzipKB, 'lower')] : []),
      ];
    },
  },
  'redis-restart': {
    argv: tsx('bench/faults/redis-restart.ts'),
    quick: tsx('bench/faults/redis-restart.ts', '--rounds', '2'),
    once: true, // repeats itself (--rounds) and reports medians
    figures: () => {
      const r = readJson('redis-restart.json');
      const label = `${r.rounds.length} rounds, Redis down ${r.params.downMs / 1000} s`;
      const s = r.summaryMs;
      return [
        ['createdAfterRunStarted', 'task created right after it'],
        ['queuedBeforeRunStarted', 'task queued before it'],
      ].flatMap(([key, what]) =>
        s[key] ? [row(`Redis restart (empty) → ${what}: run started, median (${label})`, 'ms', s[key].median, 'lower'), row(`Redis restart (empty) → ${what}: run started, max (${label})`, 'ms', s[key].max, 'lower')] : [],
      );
    },
  },
  'memory-retrieval': { argv: tsx('bench/memory/retrieval.ts'), once: true },
  'memory-search': {
    argv: tsx('bench/memory/search.ts'),
    once: true, // repeats itself and reports medians
    figures: () =>
      readJson('memory-search.json').results.flatMap((m) =>
        m.hybrid?.p95 !== undefined ? [row(`memory search hybrid p95 (${m.store}, ${m.index}, ${m.memories} memories) vs brute-force scan`, 'ms', m.hybrid.p95, 'lower', m.raw?.p95)] : [],
      ),
  },
  soak: {
    argv: tsx('bench/soak/soak.ts'),
    quick: tsx('bench/soak/soak.ts', '--minutes', '2'),
    once: true, // 15 minutes; its 90 samples are its repetition
    figures: () => {
      const r = readJson('soak.json');
      const label = `${r.params.minutes} min, ${r.params.agents} agents, ${r.params.uiClients} UI clients`;
      return [
        row(`soak (${label}): server RSS slope, second half`, 'MB/min', r.slopeMbPerMinute.rssSecondHalf, 'lower'),
        row(`soak (${label}): server heap slope, second half`, 'MB/min', r.slopeMbPerMinute.heapSecondHalf, 'lower'),
        row(`soak (${label}): server RSS max`, 'MB', r.rssMb.max, 'lower'),
        row(`soak (${label}): events lost, worst client`, 'events', Math.max(...r.events.lostPerClient), 'lower'),
      ];
    },
  },
};

function agentRows(r) {
  const label = `${r.agents} agents × ${r.ratePerAgent} lines/s × ${r.seconds} s, ${r.store}`;
  return [
    row(`agent line → subscriber p95 (${label})`, 'ms', r.latencyMs.p95, 'lower'),
    row(`agent line → subscriber p99 (${label})`, 'ms', r.latencyMs.p99, 'lower'),
    row(`lines lost (${label})`, 'lines', r.lines.lost, 'lower'),
  ];
}

// ---- arguments
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag('--quick');
const runs = Number(option('--runs') ?? (quick ? 1 : 3));
const valueOf = new Set(['--runs'].map((n) => argv.indexOf(n) + 1).filter((i) => i > 0));
const wanted = argv.filter((a, i) => !a.startsWith('--') && !valueOf.has(i));
const names = wanted.length > 0 ? wanted : Object.keys(scenarios);
const unknown = names.filter((n) => !scenarios[n]);
if (unknown.length > 0) {
  console.error(`unknown scenario(s) ${unknown.join(', ')}; known: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs expects a positive integer');
  process.exit(2);
}
mkdirSync(results, { recursive: true });

if (flag('--docs-only')) {
  writeDocs(JSON.parse(readFileSync(`${results}/latest.json`, 'utf8')));
  console.log('regenerated the generated section of docs/benchmarks.md from bench/results/latest.json');
  process.exit(0);
}

if (!flag('--no-build')) {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// ---- run
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const stamp = new Date().toISOString();
const report = { at: stamp, quick, runsRequested: runs, machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version }, scenarios: {} };
let failures = 0;
for (const name of names) {
  const def = Array.isArray(scenarios[name]) ? { argv: scenarios[name] } : scenarios[name];
  const command = quick && def.quick ? def.quick : def.argv;
  const script = command.find((a) => a.startsWith('bench/'));
  if (script && !existsSync(`${root}${script}`)) {
    console.error(`${name}: ${script} does not exist; skipped`);
    continue;
  }
  const times = def.once ? 1 : runs;
  const entry = { command: command.join(' '), quick, runs: [] };
  for (let i = 0; i < times; i += 1) {
    console.log(`\n=== ${name} (${i + 1}/${times}): ${command.join(' ')}   load ${load().join(' ')}`);
    const before = load();
    const started = Date.now();
    const res = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    process.stdout.write(res.stdout ?? '');
    process.stderr.write(res.stderr ?? '');
    writeFileSync(`${results}/${name}.log`, `${command.join(' ')}\n${new Date(started).toISOString()}\n\n${res.stdout ?? ''}${res.stderr ?? ''}`);
    const one = { at: new Date(started).toISOString(), seconds, load1Before: before[0], load1After: load()[0], status: res.status };
    if (res.status !== 0) {
      console.error(`${name} exited ${res.status}`);
      failures += 1;
    } else if (def.figures) {
      try {
        one.figures = def.figures({ stdout: res.stdout ?? '' });
      } catch (err) {
        console.error(`${name}: could not read its figures: ${err.message}`);
        failures += 1;
      }
    }
    entry.runs.push(one);
  }
  entry.summary = summarize(entry.runs);
  report.scenarios[name] = entry;
}

const fileName = `${stamp.replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`;
writeFileSync(`${results}/${fileName}`, `${JSON.stringify(report, null, 2)}\n`);
const latestFile = `${results}/latest.json`;
const latest = existsSync(latestFile) ? JSON.parse(readFileSync(latestFile, 'utf8')) : { scenarios: {} };
for (const [name, entry] of Object.entries(report.scenarios)) {
  if (entry.summary.length > 0) latest.scenarios[name] = { ...entry, at: stamp, file: fileName, machine: report.machine };
}
writeFileSync(latestFile, `${JSON.stringify(latest, null, 2)}\n`);
console.log(`\nwrote bench/results/${fileName} and bench/results/latest.json`);
if (!flag('--no-docs')) {
  writeDocs(latest);
  console.log('regenerated the generated section of docs/benchmarks.md');
}
process.exit(failures > 0 ? 1 : 0);

// ---- aggregation and the generated section

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Per figure: median of the runs, min–max, the raw limit's median, the ratio's median. */
function summarize(list) {
  const byFigure = new Map();
  for (const r of list) {
    for (const f of r.figures ?? []) {
      if (typeof f.value !== 'number') continue;
      const acc = byFigure.get(f.figure) ?? { figure: f.figure, unit: f.unit, better: f.better, values: [], raws: [], ratios: [], loads: [] };
      acc.values.push(f.value);
      acc.loads.push(r.load1Before, r.load1After);
      if (typeof f.raw === 'number') {
        acc.raws.push(f.raw);
        if (f.raw !== 0) acc.ratios.push(f.value / f.raw);
      }
      byFigure.set(f.figure, acc);
    }
  }
  return [...byFigure.values()].map((a) => ({
    figure: a.figure,
    unit: a.unit,
    better: a.better,
    n: a.values.length,
    median: median(a.values),
    min: Math.min(...a.values),
    max: Math.max(...a.values),
    rawMedian: median(a.raws),
    ratioMedian: a.ratios.length > 0 ? Math.round(median(a.ratios) * 1000) / 1000 : null,
    load1: { min: Math.min(...a.loads), max: Math.max(...a.loads) },
  }));
}

function fmt(n) {
  if (n === null || n === undefined) return '—';
  const abs = Math.abs(n);
  const v = abs >= 100 ? Math.round(n) : abs >= 10 ? Math.round(n * 10) / 10 : Math.round(n * 100) / 100;
  return v.toLocaleString('en-US');
}

function writeDocs(latestReport) {
  const lines = [
    START,
    '<!-- Generated by `npm run bench` (scripts/run-bench.mjs) from bench/results/latest.json; edits here are overwritten. -->',
    '',
    '### Latest `npm run bench` figures',
    '',
    'Each row: the median of the runs (n), their spread (min–max), the raw limit measured in the same runs',
    '(median), the ratio ours/raw (median of the per-run ratios; for throughput higher is better, for latency',
    'lower is better) and the 1-minute load average around the runs. Quick runs are labelled; they are',
    'smaller and shorter than the full scenario and are not comparable with it.',
    '',
    '| scenario | figure | median | spread (n) | raw limit | ratio | load | when |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, entry] of Object.entries(latestReport.scenarios)) {
    for (const s of entry.summary) {
      lines.push(
        `| ${name}${entry.quick ? ' (quick)' : ''} | ${s.figure} | ${fmt(s.median)} ${s.unit} | ${fmt(s.min)}–${fmt(s.max)} (${s.n}) | ${s.rawMedian === null ? '—' : `${fmt(s.rawMedian)} ${s.unit}`} | ${s.ratioMedian ?? '—'} | ${fmt(s.load1.min)}–${fmt(s.load1.max)} | ${entry.at.slice(0, 16).replace('T', ' ')} |`,
      );
    }
  }
  lines.push('', END);
  const section = lines.join('\n');
  const doc = readFileSync(DOC, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  const next = a >= 0 && b > a ? `${doc.slice(0, a)}${section}${doc.slice(b + END.length)}` : `${doc.trimEnd()}\n\n## Generated figures\n\n${section}\n`;
  writeFileSync(DOC, next);
}
