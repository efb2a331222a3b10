/**
 * Runs over real HTTP against the built server, with the fake agent installed as `claude`:
 * start, watch, page events, download the log, stop, follow up, bad input, and a server killed
 * with SIGKILL mid-run that reconciles on restart (nothing left "running", the orphan killed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiErrorBody, followUpResult, run, runEventsPage, runtimeList, systemInfo, type Run } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { scripted } from '../support/run-harness.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';

const json = { 'content-type': 'application/json' };
const agentEnv = { AGENT_CLAUDE_BIN: FAKE_AGENT, AGENT_CODEX_BIN: '/nonexistent/codex', AGENT_STOP_GRACE: '300ms' };

async function post(server: SpawnedServer, path: string, body: unknown): Promise<Response> {
  return server.api(path, { method: 'POST', headers: json, body: JSON.stringify(body) });
}

async function waitForEnd(server: SpawnedServer, id: string, timeoutMs = 20_000): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = run.parse(await (await server.api(`/api/runs/${id}`)).json());
    if (['succeeded', 'failed', 'cancelled', 'timed_out', 'lost'].includes(current.status)) return current;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${current.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('runs API', () => {
  let server: SpawnedServer;

  const memoryKey = Buffer.alloc(32, 9).toString('base64');
  beforeAll(async () => {
    // A 1 MB log cap (the smallest setting) so one test can flood past it cheaply.
    server = await startServer({ env: { ...agentEnv, MEMORY_ENCRYPTION_KEY: memoryKey, RUN_LOG_CAP_MB: '1' } });
  });

  it('describes the system without secrets', async () => {
    const res = await server.api(`/api/system`);
    expect(res.status).toBe(200);
    const info = systemInfo.parse(await res.json());
    expect(info.mode).toEqual({ store: 'sqlite', queue: 'embedded', bus: 'local' });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    const text = JSON.stringify(info.config);
    expect(text).not.toContain(memoryKey);
    expect(text).toContain('<redacted>');
  });
  afterAll(async () => {
    await server?.stop();
    await killAllServers();
  });

  it('lists the installed runtimes', async () => {
    const body = runtimeList.parse(await (await server.api(`/api/agents/runtimes`)).json());
    const byName = Object.fromEntries(body.runtimes.map((r) => [r.runtime, r]));
    expect(byName['claude-code']).toMatchObject({ installed: true, version: '2.1.0' });
    expect(byName.codex?.installed).toBe(false);
  });

  it('runs an agent, pages its events and downloads its log', async () => {
    const res = await post(server, '/api/runs', {
      runtime: 'claude-code',
      prompt: scripted('say hello', { steps: [{ text: 'hello' }, { emit: { count: 30 } }] }),
    });
    expect(res.status).toBe(201);
    const started = run.parse(await res.json());
    const done = await waitForEnd(server, started.id);
    expect(done.status).toBe('succeeded');
    expect(done.eventCount).toBeGreaterThan(30);
    expect(done.logTruncated).toBe(false);

    const first = runEventsPage.parse(await (await server.api(`/api/runs/${started.id}/events?limit=10`)).json());
    expect(first.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.complete).toBe(false);
    const rest = runEventsPage.parse(
      await (await server.api(`/api/runs/${started.id}/events?after=${first.nextAfter}&limit=5000`)).json(),
    );
    expect(rest.complete).toBe(true);
    expect(rest.events[0]?.seq).toBe(11);
    expect(first.events.length + rest.events.length).toBe(done.eventCount);

    const log = await server.api(`/api/runs/${started.id}/log`);
    expect(log.headers.get('content-disposition')).toContain(`run-${started.id}.ndjson`);
    const lines = (await log.text()).trim().split('\n');
    expect(lines).toHaveLength(done.eventCount);
    expect(JSON.parse(lines.at(-1) ?? '{}').event.type).toBe('exit');
    const text = await (await server.api(`/api/runs/${started.id}/log?format=text`)).text();
    expect(text).toContain('assistant.text hello');
  });

  it('marks a run whose stored log hit the cap as logTruncated', async () => {
    // ~1.4 MB of output against RUN_LOG_CAP_MB=1.
    const res = await post(server, '/api/runs', {
      runtime: 'claude-code',
      prompt: scripted('flood', { steps: [{ emit: { count: 7000, bytes: 200 } }, { text: 'end of flood' }] }),
    });
    expect(res.status).toBe(201);
    const done = await waitForEnd(server, run.parse(await res.json()).id, 60_000);
    expect(done.status).toBe('succeeded');
    expect(done.logTruncated).toBe(true);
  });

  it('stops a running agent and resumes a finished session by follow-up', async () => {
    const hanging = run.parse(
      await (await post(server, '/api/runs', { runtime: 'claude-code', prompt: scripted('hang', { steps: [{ hang: true }] }) })).json(),
    );
    // Wait until the agent has reported its session, so there is something to resume.
    for (let i = 0; i < 200; i += 1) {
      if (run.parse(await (await server.api(`/api/runs/${hanging.id}`)).json()).sessionId) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const stop = await post(server, `/api/runs/${hanging.id}/stop`, {});
    expect(stop.status).toBe(200);
    expect(run.parse(await stop.json()).status).toBe('cancelled');
    const again = await post(server, `/api/runs/${hanging.id}/stop`, {});
    expect(again.status).toBe(409);
    expect(apiErrorBody.parse(await again.json()).error.code).toBe('RUN_NOT_ACTIVE');

    const resumed = await post(server, `/api/runs/${hanging.id}/follow-up`, { text: 'continue please' });
    expect(resumed.status).toBe(201);
    const body = followUpResult.parse(await resumed.json());
    expect(body.mode).toBe('resumed');
    expect(body.run.resumeOf).toBe(hanging.id);
    expect((await waitForEnd(server, body.run.id)).status).toBe('succeeded');
  });

  it('rejects bad input with the field at fault and starts nothing', async () => {
    const before = (await (await server.api(`/api/runs?limit=200`)).json()) as { items: unknown[] };
    const cases: [unknown, number, string][] = [
      [{ runtime: 'claude-code' }, 400, 'VALIDATION_FAILED'],
      [{ runtime: 'claude-code', prompt: 'x', extra: 1 }, 400, 'VALIDATION_FAILED'],
      [{ runtime: 'cursor', prompt: 'x' }, 400, 'RUNTIME_UNKNOWN'],
      [{ runtime: 'codex', prompt: 'x' }, 422, 'RUNTIME_NOT_INSTALLED'],
      [{ runtime: 'claude-code', prompt: 'x', cwd: '/etc' }, 400, 'WORKDIR_OUTSIDE_ROOTS'],
      [{ runtime: 'claude-code', prompt: 'x', cwd: '../../../' }, 400, 'WORKDIR_OUTSIDE_ROOTS'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(server, '/api/runs', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const err = apiErrorBody.parse(await res.json());
      expect(err.error.code).toBe(code);
      if (code === 'VALIDATION_FAILED') expect(err.error.fields?.length).toBeGreaterThan(0);
    }
    const missing = await server.api(`/api/runs/does-not-exist`);
    expect(missing.status).toBe(404);
    expect(apiErrorBody.parse(await missing.json()).error.code).toBe('RUN_NOT_FOUND');
    const after = (await (await server.api(`/api/runs?limit=200`)).json()) as { items: unknown[] };
    expect(after.items.length).toBe(before.items.length);
  });

  it('exports run metrics', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/dashboard_runs_total\{runtime="claude-code",status="succeeded"\} \d+/);
    expect(text).toMatch(/dashboard_llm_cost_usd_total\{employee="none"\} [0-9.]+/);
    expect(text).toContain('dashboard_run_events_persisted_total');
  });
});

describe('server killed mid-run', () => {
  it('reconciles on restart: the run is lost, its orphan killed, nothing left running', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dash-e2e-kill-'));
    try {
      const first = await startServer({ env: { ...agentEnv, DATA_DIR: dataDir } });
      const started = run.parse(
        await (await post(first, '/api/runs', { runtime: 'claude-code', prompt: scripted('hang', { steps: [{ text: 'x' }, { hang: true }] }) })).json(),
      );
      let pid: number | null = null;
      for (let i = 0; i < 100 && pid === null; i += 1) {
        pid = run.parse(await (await first.api(`/api/runs/${started.id}`)).json()).pid;
        if (pid === null) await new Promise((r) => setTimeout(r, 50));
      }
      expect(pid).not.toBeNull();
      await first.stop('SIGKILL');
      expect(() => process.kill(-(pid as number), 0)).not.toThrow(); // the orphan outlived the server

      const second = await startServer({ env: { ...agentEnv, DATA_DIR: dataDir } });
      const after = run.parse(await (await second.api(`/api/runs/${started.id}`)).json());
      expect(after.status).toBe('lost');
      expect(after.errorCode).toBe('RUN_LOST');
      const deadline = Date.now() + 5000;
      let alive = true;
      while (alive && Date.now() < deadline) {
        try {
          process.kill(-(pid as number), 0);
          await new Promise((r) => setTimeout(r, 50));
        } catch {
          alive = false;
        }
      }
      expect(alive).toBe(false);
      const active = (await (await second.api(`/api/runs?status=queued,starting,running,stopping`)).json()) as { items: unknown[] };
      expect(active.items).toEqual([]);
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
