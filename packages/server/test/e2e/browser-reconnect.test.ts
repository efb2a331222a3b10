/**
 * The run page survives a network drop mid-run. Chromium reaches the BUILT server through a TCP
 * proxy; while the fake agent prints numbered lines, the proxy drops every connection (the live
 * feed's WebSocket closes with 1006, fetches fail) and refuses new ones for a few seconds, then
 * lets them through again. The page reconnects by itself and resumes the run topic from its last
 * seq; meanwhile it may also have caught up over REST. Afterwards the transcript holds every
 * event exactly once: each line once, in order, no seq twice, no row missing.
 *
 * Build first: npm run build -w @dash/shared && npx tsc -b packages/server && npm run build -w @dash/web
 */
import { run as runSchema, runEventsPage, type Run } from '@dash/shared';
import type { Page, WebSocket as PageSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, readTranscript, TcpProxy } from '../support/browser.js';
import { browserSession, FAKE_AGENT_ENV, type BrowserSession } from '../support/browser-session.js';
import type { SpawnedServer } from '../support/server-process.js';

const LINES = 150;

interface SocketLog {
  openedAt: number;
  closedAt: number | null;
  /** seqs of `run:<id>` events received on this socket. */
  runSeqs: number[];
}

describe('run page across a dropped connection (browser, built server)', () => {
  let session: BrowserSession;
  let server: SpawnedServer;
  let proxy: TcpProxy;
  let page: Page;

  beforeAll(async () => {
    session = await browserSession({ env: { NODE_ID: 'e2e-reconnect', ...FAKE_AGENT_ENV } });
    ({ server, page } = session);
    proxy = await TcpProxy.start(server.port);
  }, 60_000);

  afterAll(async () => {
    await proxy?.close();
    if (session) expect(await session.close()).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('shows every event exactly once after the live feed reconnects mid-run', async () => {
    const res = await server.api(`/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        runtime: 'claude-code',
        prompt: `Count.\nFAKE_AGENT_SCRIPT: ${JSON.stringify({ steps: [{ sleep: 1_500 }, { emit: { count: LINES, rate: 15, text: 'line' } }, { text: 'All done.' }] })}`,
      }),
    });
    expect(res.status).toBe(201);
    const started = runSchema.parse(await res.json());
    const topic = `run:${started.id}`;

    const sockets: SocketLog[] = [];
    page.on('websocket', (socket: PageSocket) => {
      const log: SocketLog = { openedAt: Date.now(), closedAt: null, runSeqs: [] };
      sockets.push(log);
      socket.on('close', () => (log.closedAt = Date.now()));
      socket.on('framereceived', ({ payload }) => {
        const frame = JSON.parse(String(payload)) as { type?: string; topic?: string; seq?: number };
        if (frame.type === 'event' && frame.topic === topic && typeof frame.seq === 'number') log.runSeqs.push(frame.seq);
      });
    });

    await page.goto(`${proxy.url}/runs/${started.id}`);
    await page.locator('[data-test="live-note"]', { hasText: 'Live' }).waitFor({ timeout: 20_000 });
    await page.locator('[data-test="transcript"] [data-seq]', { hasText: 'line #10 ' }).waitFor({ timeout: 20_000 });

    // The network goes away mid-run, and comes back while the agent is still printing.
    proxy.cut();
    const cutAt = Date.now();
    await eventually('the page to notice', () => page.locator('[data-test="live-note"]').innerText(), (t) => t.trim() !== 'Live', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    proxy.restore();
    expect((await getRun(server, started.id)).status).toBe('running');

    await page.locator('[data-test="run-status"]', { hasText: 'Succeeded' }).waitFor({ timeout: 40_000 });
    await page.locator('[data-test="transcript"]', { hasText: 'All done.' }).waitFor();

    // A second socket was opened after the drop and carried the rest of the run live.
    const resumed = sockets.filter((s) => s.openedAt > cutAt);
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    expect(sockets[0]?.closedAt).not.toBeNull();
    expect(resumed.flatMap((s) => s.runSeqs).length).toBeGreaterThan(0);

    // Every line exactly once and in order; no row twice; rows numbered without holes.
    const { rows, setSize } = await readTranscript(page);
    expect(rows.map((r) => r.index)).toEqual(Array.from({ length: setSize }, (_, i) => i));
    const seqs = rows.map((r) => r.seq);
    expect(seqs.every((seq, i) => Number.isInteger(seq) && (i === 0 || seq > (seqs[i - 1] as number)))).toBe(true);
    const lines = rows.flatMap((r) => /line #(\d+) ts=/.exec(r.text)?.[1] ?? []).map(Number);
    expect(lines).toEqual(Array.from({ length: LINES }, (_, i) => i + 1));
    // (The prompt row quotes the script, so agent rows are told apart by their "Agent" head.)
    const agentRows = rows.filter((r) => r.text.startsWith('Agent'));
    expect(agentRows.filter((r) => r.text.endsWith('All done.'))).toHaveLength(1);

    // The rows match the stored log: every assistant text the server kept is on screen once.
    const stored = runEventsPage.parse(await (await server.api(`/api/runs/${started.id}/events?limit=5000`)).json()).events;
    const storedTexts = stored.filter((e) => e.event.type === 'assistant.text').map((e) => e.seq);
    const shownTexts = agentRows.map((r) => r.seq);
    expect(shownTexts).toEqual(storedTexts);
  });
});

async function getRun(server: SpawnedServer, id: string): Promise<Run> {
  return runSchema.parse(await (await server.api(`/api/runs/${id}`)).json());
}
