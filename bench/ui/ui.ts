/**
 * bench/ui: the dashboard in a real browser (Debian chromium via playwright-core) against the
 * BUILT server and the SPA it serves, the fake agent installed as `claude`:
 *
 *  1. latency: the fake agent prints N numbered lines (each carries `ts=` = its Date.now()) at R
 *     lines/s into one run whose page is open; a MutationObserver in the page records Date.now()
 *     the first time each line's text is in the DOM. Figures: p50/p95/p99/max of (seen − ts);
 *     lines never seen are counted, not hidden;
 *  2. heap: L lines stream into one run view at a fixed rate; every few seconds the page's JS heap
 *     is measured after a forced GC (CDP HeapProfiler.collectGarbage, then Performance.getMetrics
 *     JSHeapUsedSize), with how many lines the page has shown so far (the highest `#n` on screen
 *     while it follows the output) and how many transcript rows it holds in memory at that moment
 *     (the list's aria-setsize). The slope over the second half of the run (least squares, MB per
 *     10,000 lines) says whether the heap levels off;
 *  3. bundle: the gzipped size of the JS that index.html loads up front (entry script and
 *     modulepreloads), and of all the JS the browser fetches to show the overview page (`/`).
 *
 *   npx tsx bench/ui/ui.ts [--lines 1000] [--rate 25] [--heap-lines 200000] [--heap-rate 2000]
 *                          [--only latency,heap,bundle]
 *
 * Build first (npm run build). Writes bench/results/ui.json and prints it. Measured, never asserted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { isTerminalRunStatus, run as runSchema, type Run } from '@dash/shared';
import type { Page } from 'playwright-core';
import { FAKE_AGENT } from '../../packages/server/test/fixtures/fake-agent/fake-agent-runner.js';
import { launchBrowser, type TestBrowser } from '../../packages/server/test/support/browser.js';
import { startServer, type SpawnedServer } from '../../packages/server/test/support/server-process.js';
import { percentiles } from '../lib/stats.js';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '25' },
    'heap-lines': { type: 'string', default: '200000' },
    'heap-rate': { type: 'string', default: '2000' },
    'sample-every': { type: 'string', default: '5000' },
    only: { type: 'string', default: 'latency,heap,bundle' },
  },
});
const only = new Set(values.only.split(','));
const WEB_DIST = fileURLToPath(new URL('../../packages/web/dist/', import.meta.url));
const MB = 1024 * 1024;
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

async function startRun(server: SpawnedServer, script: Record<string, unknown>): Promise<Run> {
  const res = await server.api(`/api/runs`, {
    method: 'POST',
    body: JSON.stringify({ runtime: 'claude-code', prompt: `bench\nFAKE_AGENT_SCRIPT: ${JSON.stringify(script)}` }),
  });
  if (res.status !== 201) throw new Error(`POST /api/runs answered ${res.status}: ${await res.text()}`);
  return runSchema.parse(await res.json());
}

async function waitForEnd(server: SpawnedServer, id: string, onTick?: () => Promise<void>, everyMs = 500): Promise<Run> {
  for (;;) {
    const current = runSchema.parse(await (await server.api(`/api/runs/${id}`)).json());
    if (isTerminalRunStatus(current.status)) return current;
    await onTick?.();
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Records, in the page, when each `#<n> ts=<ms>` line first appears in the DOM. */
const LINE_OBSERVER = `(() => {
  const seen = new Map();
  window.__lineLatency = seen;
  const stamp = /#(\\d+) ts=(\\d+)/g;
  const scan = (text, at) => {
    if (!text) return;
    for (const m of text.matchAll(stamp)) {
      const n = Number(m[1]);
      if (!seen.has(n)) seen.set(n, at - Number(m[2]));
    }
  };
  const start = () => new MutationObserver((mutations) => {
    const at = Date.now();
    for (const m of mutations) {
      if (m.type === 'characterData') scan(m.target.data, at);
      for (const node of m.addedNodes) scan(node.textContent, at);
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})()`;

async function waitForLive(page: Page): Promise<void> {
  await page.locator('[data-test="live-note"]', { hasText: /^\s*Live\s*$/ }).waitFor({ timeout: 30_000 });
}

async function latency(server: SpawnedServer, browser: TestBrowser): Promise<Record<string, unknown>> {
  const lines = Number(values.lines);
  const rate = Number(values.rate);
  const page = await browser.newPage();
  await page.addInitScript(LINE_OBSERVER);
  // The pause lets the page load and go live before the first line; it is no part of a latency.
  const started = await startRun(server, { steps: [{ sleep: 4_000 }, { emit: { count: lines, rate, text: 'tick' } }] });
  await page.goto(`${server.url}/runs/${started.id}`);
  await waitForLive(page);
  await waitForEnd(server, started.id);
  await page.waitForTimeout(1_000);
  const pairs = await page.evaluate<Array<[number, number]>>('[...window.__lineLatency.entries()]');
  await page.close();
  const latencies = pairs.map(([, ms]) => ms);
  return {
    lines,
    linesPerSecond: rate,
    latencyMs: percentiles(latencies, [50, 95, 99, 100]),
    linesSeen: pairs.length,
    missing: lines - pairs.length,
  };
}

interface HeapSample {
  atS: number;
  /** Lines the page has shown so far. */
  lines: number;
  /** Transcript rows held in memory. */
  rows: number;
  heapUsedMB: number;
}

/** Least-squares slope of heap over lines, in MB per 10,000 lines (null with fewer than two distinct points). */
function heapSlope(samples: readonly HeapSample[]): number | null {
  if (samples.length < 2) return null;
  const mx = samples.reduce((s, p) => s + p.lines, 0) / samples.length;
  const my = samples.reduce((s, p) => s + p.heapUsedMB, 0) / samples.length;
  const sxx = samples.reduce((s, p) => s + (p.lines - mx) ** 2, 0);
  if (sxx === 0) return null;
  const sxy = samples.reduce((s, p) => s + (p.lines - mx) * (p.heapUsedMB - my), 0);
  return round((sxy / sxx) * 10_000, 3);
}

async function heap(server: SpawnedServer, browser: TestBrowser): Promise<Record<string, unknown>> {
  const lines = Number(values['heap-lines']);
  const rate = Number(values['heap-rate']);
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const measure = async (): Promise<number> => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / MB;
  };
  const rows = (): Promise<number> =>
    page.evaluate<number>(`Number(document.querySelector('[data-test="transcript"] [data-index]')?.getAttribute('aria-setsize') ?? 0)`);
  const linesShown = (): Promise<number> =>
    page.evaluate<number>(`Math.max(0, ...[...document.querySelectorAll('[data-test="transcript"] [data-seq]')]
      .map((row) => Number(/#(\\d+) ts=/.exec(row.textContent ?? '')?.[1] ?? 0)))`);
  const sample = async (atS: number): Promise<HeapSample> => {
    const heapUsedMB = round(await measure());
    return { atS, lines: await linesShown(), rows: await rows(), heapUsedMB };
  };

  const started = await startRun(server, { steps: [{ sleep: 4_000 }, { emit: { count: lines, rate, text: 'tick' } }] });
  await page.goto(`${server.url}/runs/${started.id}`);
  await waitForLive(page);
  const t0 = Date.now();
  const samples: HeapSample[] = [await sample(0)];
  let next = t0 + Number(values['sample-every']);
  const ended = await waitForEnd(server, started.id, async () => {
    if (Date.now() < next) return;
    next += Number(values['sample-every']);
    samples.push(await sample(round((Date.now() - t0) / 1000)));
  });
  // Let the page take in the tail, then measure the settled state.
  for (let i = 0; i < 60; i += 1) {
    const r = await rows();
    await page.waitForTimeout(1_000);
    if ((await rows()) === r) break;
  }
  samples.push(await sample(round((Date.now() - t0) / 1000)));
  const domNodes = await page.evaluate<number>('document.getElementsByTagName("*").length');
  await page.close();

  const half = samples.filter((s) => s.rows >= samples.at(-1)!.rows / 2)[0];
  const last = samples.at(-1)!;
  const secondHalf = samples.filter((s) => s.lines >= last.lines / 2);
  return {
    lines,
    linesPerSecond: rate,
    run: { status: ended.status, events: ended.eventCount, eventMB: round(ended.eventBytes / MB), logTruncated: ended.logTruncated },
    samples,
    peakHeapMB: Math.max(...samples.map((s) => s.heapUsedMB)),
    finalHeapMB: last.heapUsedMB,
    finalRows: last.rows,
    finalLines: last.lines,
    /** Most transcript rows held in memory at any sample. */
    peakRows: Math.max(...samples.map((s) => s.rows)),
    /** Heap growth over the second half of the lines, per 10,000 lines (least squares over those samples): ~0 when it levels off. */
    secondHalfMBPer10kLines: heapSlope(secondHalf),
    secondHalfSamples: secondHalf.length,
    /** Heap growth over the second half of the rows held, per 10,000 rows (endpoints; meaningless once the window is full). */
    secondHalfMBPer10kRows: half && last.rows > half.rows ? round(((last.heapUsedMB - half.heapUsedMB) / (last.rows - half.rows)) * 10_000, 2) : null,
    domElementsAtEnd: domNodes,
  };
}

const gz = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

async function bundle(server: SpawnedServer, browser: TestBrowser): Promise<Record<string, unknown>> {
  const html = readFileSync(`${WEB_DIST}index.html`, 'utf8');
  const initial = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1] ?? m[2] ?? '');
  const files = initial.map((file) => {
    const bytes = readFileSync(`${WEB_DIST}${file}`);
    return { file, bytes: bytes.length, gzipBytes: gz(bytes) };
  });

  // Everything the overview page pulls in (lazy page chunks, uPlot), as the browser fetches it.
  const page = await browser.newPage();
  const fetched = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.js') && url.pathname.startsWith('/assets/')) fetched.add(url.pathname.slice(1));
  });
  await page.goto(`${server.url}/`);
  await page.locator('[data-test="tiles"]').waitFor();
  await page.waitForLoadState('networkidle');
  await page.close();
  const overviewGzip = [...fetched].reduce((sum, file) => sum + gz(readFileSync(`${WEB_DIST}${file}`)), 0);

  return {
    initial: {
      files,
      gzipKB: round(files.reduce((s, f) => s + f.gzipBytes, 0) / 1024),
      rawKB: round(files.reduce((s, f) => s + f.bytes, 0) / 1024),
    },
    overviewPage: { files: fetched.size, gzipKB: round(overviewGzip / 1024) },
  };
}

async function userAgent(browser: TestBrowser): Promise<string> {
  const page = await browser.newPage();
  const ua = await page.evaluate<string>('navigator.userAgent');
  await page.close();
  return /Chrome\/[\d.]+/.exec(ua)?.[0] ?? ua;
}

const server = await startServer({
  env: {
    NODE_ID: 'bench-ui',
    LOG_LEVEL: 'warn',
    AGENT_CLAUDE_BIN: FAKE_AGENT,
    AGENT_CODEX_BIN: '/nonexistent/codex',
    // 200,000 lines are ~60 MB of events: keep the whole log.
    RUN_LOG_CAP_MB: '1000',
  },
});
const browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
// The pages need a signed-in session (one context: every newPage shares its cookie).
await browser.signIn(server);
const result: Record<string, unknown> = {
  benchmark: 'ui',
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, chromium: await userAgent(browser) },
};
try {
  if (only.has('bundle')) result.bundle = await bundle(server, browser);
  if (only.has('latency')) result.latency = await latency(server, browser);
  if (only.has('heap')) result.heap = await heap(server, browser);
} finally {
  await browser.close();
  await server.stop();
}
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}ui.json`, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
