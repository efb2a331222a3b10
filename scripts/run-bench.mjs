#!/usr/bin/env node
// `npm run bench`: builds, then runs every benchmark scenario one after another (never in
// parallel: the machine has 2 cores) and keeps each scenario's output in bench/results/.
// Scenarios that write JSON themselves put it there too. Figures are reported in
// docs/benchmarks.md; they are measurements, never assertions.
//
//   npm run bench                 every scenario
//   npm run bench -- agents ws    only those
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = `${root}bench/results`;

/** name → command (argv) run from the repository root. */
const scenarios = {
  startup: ['node', 'bench/startup/startup.mjs', '--json'],
  'store-append': ['npx', 'tsx', 'bench/store/append.ts'],
  'queue-throughput': ['npx', 'tsx', 'bench/queue/throughput.ts'],
  agents: ['npx', 'tsx', 'bench/agents/agents.ts'],
  'agents-postgres': ['npx', 'tsx', 'bench/agents/agents.ts', '--store', 'postgres'],
  dispatch: ['npx', 'tsx', 'bench/dispatch/dispatch.ts'],
  ws: ['npx', 'tsx', 'bench/ws/line-latency.ts'],
  ui: ['npx', 'tsx', 'bench/ui/ui.ts'],
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(scenarios);
mkdirSync(results, { recursive: true });

const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let failures = 0;
for (const name of names) {
  const argv = scenarios[name];
  if (!argv) {
    console.error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`);
    failures += 1;
    continue;
  }
  const script = argv.find((a) => a.startsWith('bench/'));
  if (script && !existsSync(`${root}${script}`)) {
    console.error(`${name}: ${script} does not exist yet; skipped`);
    continue;
  }
  console.log(`\n=== ${name}: ${argv.join(' ')}`);
  const started = Date.now();
  const res = spawnSync(argv[0], argv.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(res.stdout ?? '');
  process.stderr.write(res.stderr ?? '');
  writeFileSync(`${results}/${name}.log`, `${argv.join(' ')}\n${new Date(started).toISOString()}\n\n${res.stdout ?? ''}${res.stderr ?? ''}`);
  if (res.status !== 0) {
    console.error(`${name} exited ${res.status}`);
    failures += 1;
  }
}
process.exit(failures > 0 ? 1 : 0);
