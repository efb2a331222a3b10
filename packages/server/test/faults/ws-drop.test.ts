/**
 * Fault: WebSocket connections dropped mid-stream, repeatedly (no closing handshake, as a network
 * failure looks to the server), for several runs streaming at once. Each client resumes with its
 * last seq after every drop. Must hold, checked against the store after the server stopped:
 * every stored event of every run was delivered exactly once over the successive connections, in
 * order, with no gap. (One drop of one client: e2e/live-feed.test.ts "resumes a dropped client".)
 */
import { run as runSchema, type LiveEventMessage } from '@dash/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { LiveClient } from '../support/live-feed-client.js';
import { scripted } from '../support/run-harness.js';
import { killAllServers, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir } from '../support/temp-dir.js';
import { call, faultTeam, sqliteQuery, startFaultServer, waitUntil } from './fault-harness.js';

const RUNS = 4;
const LINES = 600;
const DROP_EVERY = 120;

afterAll(async () => {
  await killAllServers();
});

/** Follows one run's topic, dropping the connection every DROP_EVERY events and resuming. */
async function follow(server: SpawnedServer, runId: string, isOver: () => boolean): Promise<{ seqs: number[]; drops: number }> {
  const topic = `run:${runId}`;
  const received: LiveEventMessage[] = [];
  let drops = 0;
  for (;;) {
    const last = received.at(-1)?.seq ?? 0;
    const client = await LiveClient.open(server.url, last > 0 ? [{ topic, afterSeq: last }] : undefined, { headers: server.authHeaders() });
    if (last === 0) await client.subscribe(topic);
    const target = last + DROP_EVERY;
    try {
      await client.untilSeq(topic, target, 4_000);
    } catch {
      // the run ended before `target`: take what came
    }
    received.push(...client.events(topic));
    if (client.events(topic).some((e) => e.seq >= target)) {
      client.terminate();
      await client.closed;
      drops += 1;
      continue;
    }
    await client.close();
    if (isOver()) return { seqs: received.map((e) => e.seq), drops };
  }
}

describe('fault: WebSocket connections dropped mid-stream', () => {
  it('delivers every stored event exactly once across repeated drops and resumes', async () => {
    const registry = await faultTeam(1, 1);
    const dataDir = await makeTempDir('dash-fault-ws-');
    try {
      const server = await startFaultServer(registry, { DATA_DIR: dataDir.path });
      const ids: string[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const res = await call(server, 'POST', '/api/runs', { runtime: 'claude-code', prompt: scripted(`ws-${i}`, { steps: [{ emit: { count: LINES, rate: 200 } }] }) });
        expect(res.status).toBe(201);
        ids.push(runSchema.parse(res.json).id);
      }
      const ended = new Set<string>();
      const watcher = waitUntil(
        'every run to end',
        async () => {
          for (const id of ids) {
            const r = runSchema.parse((await call(server, 'GET', `/api/runs/${id}`)).json);
            if (!['queued', 'starting', 'running', 'stopping'].includes(r.status)) ended.add(id);
          }
          return ended.size === ids.length;
        },
        90_000,
      );
      const followed = await Promise.all(ids.map((id) => follow(server, id, () => ended.has(id))));
      await watcher;
      expect(await server.stop()).toEqual({ code: 0, signal: null });

      for (const [i, id] of ids.entries()) {
        const stored = sqliteQuery<{ seq: number }>(dataDir.path, 'select seq from run_events where run_id = ? order by seq', id).map((r) => Number(r.seq));
        expect(stored.length).toBeGreaterThan(LINES);
        expect(followed[i]!.drops).toBeGreaterThanOrEqual(3);
        expect(followed[i]!.seqs).toEqual(stored);
      }
    } finally {
      await registry.cleanup();
      await dataDir.cleanup();
    }
  });
});
