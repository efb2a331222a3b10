#!/usr/bin/env node
// The README's test command. Builds what the e2e tier boots (server, shared, SPA), runs every
// vitest project with the JSON reporter, then prints the closing line CI reads:
// "N passed, N failed". Extra arguments are passed to vitest (e.g. `--project unit`).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const report = `${root}vitest-report.json`;
const args = process.argv.slice(2);

function run(cmd, argv) {
  const res = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: process.env });
  return res.status ?? 1;
}

if (!process.env.SKIP_BUILD) {
  const code = run('npm', ['run', 'build', '--silent']);
  if (code !== 0) {
    console.error('build failed');
    console.log('0 passed, 1 failed');
    process.exit(code);
  }
}

// Static gates: the layer rules (lint) and strict types over source and tests. A failure counts
// as a failed test in the closing line, so CI cannot be green with a broken boundary.
let gateFailures = 0;
if (!process.env.SKIP_STATIC) {
  for (const [name, argv] of [
    ['lint', ['run', 'lint', '--silent']],
    ['typecheck', ['run', 'typecheck', '--silent']],
  ]) {
    const code = run('npm', argv);
    if (code !== 0) {
      console.error(`${name} failed`);
      gateFailures += 1;
    }
  }
}

rmSync(report, { force: true });
const status = run('npx', [
  'vitest', 'run',
  '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  ...args,
]);

let passed = 0;
let failed = gateFailures;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  // A file that failed without a failing test (import error, failed hook) counts as one failure.
  for (const file of json.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) failed += 1;
  }
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  if (skipped > 0) {
    console.error(`${skipped} tests were skipped or todo: this project does not allow skipped tests`);
    failed += skipped;
  }
} catch (err) {
  console.error(`could not read ${report}: ${err.message}`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
