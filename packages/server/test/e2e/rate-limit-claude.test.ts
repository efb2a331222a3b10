/**
 * Quota-aware dispatch with the REAL Claude Code CLI (the dev dependency) against the local
 * Messages API stub, through the BUILT server: the stub answers the first model call with a 429
 * and the `retry-after` / `anthropic-ratelimit-*` headers (CLAUDE_CODE_MAX_RETRIES=0, so the CLI
 * gives up at once), the CLI reports a rate-limit result, and the server:
 *  - pauses the claude-code runtime. An API-key session does not surface the reset time (the CLI
 *    prints no rate_limit_event for it; see runners/claude-code/result-error.ts), so the pause
 *    lasts RATE_LIMIT_BACKOFF;
 *  - queues the task again with the attempt not counted;
 *  - starts no claude-code run before the pause ends, then runs the task again by itself: the
 *    stub's next turn answers and the task completes.
 */
import { existsSync } from 'node:fs';
import { dispatchGateStatus, runList, task as taskSchema, taskTimeline, type DispatchGateStatus, type Run, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnthropicStub } from '../support/anthropic-stub/anthropic-stub.js';
import { CLAUDE_BIN, claudeCliEnv } from '../support/anthropic-stub/cli-env.js';
import { rateLimitedTurn, textTurn } from '../support/anthropic-stub/script.js';
import { teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const EMPLOYEE = 'emp_451';
const BACKOFF_MS = 3000;

describe('rate-limit pause with the real Claude Code CLI against the built server', () => {
  let server: SpawnedServer;
  let stub: AnthropicStub;
  let registry: RegistryFixture;
  let home: TempDir;

  /** Every API call of this file goes through here (credentials from server-process.ts). */
  const api = async <T>(method: string, path: string, body: unknown, parse: (v: unknown) => T, status = 200): Promise<T> => {
    const res = await server.api(path, { method, ...(body !== undefined && { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return parse(text === '' ? null : JSON.parse(text));
  };
  const getTask = (id: string): Promise<Task> => api('GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));
  const gate = (): Promise<DispatchGateStatus> => api('GET', '/api/dispatch/gate', undefined, (v) => dispatchGateStatus.parse(v));
  const runsOf = async (id: string): Promise<Run[]> =>
    (await api('GET', `/api/tasks/${id}/runs`, undefined, (v) => runList.parse(v))).items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const until = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 90_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== null) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.stdout().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    expect(existsSync(CLAUDE_BIN), `the Claude Code CLI is missing at ${CLAUDE_BIN}`).toBe(true);
    stub = await AnthropicStub.start();
    home = await makeTempDir('dash-rate-limit-claude-home-');
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember(EMPLOYEE, { runtimeConfig: { runtime: 'claude-code', maxTurns: 5 } })]));
    server = await startServer({
      env: {
        ...claudeCliEnv(stub.url, home.path),
        // The CLI's own retries would hide the 429 from us (it honours retry-after, 10 times by default).
        CLAUDE_CODE_MAX_RETRIES: '0',
        NODE_ID: 'e2e-rate-limit-claude',
        AGENT_CLAUDE_BIN: CLAUDE_BIN,
        AGENT_CODEX_BIN: '/nonexistent/codex',
        AGENT_GEMINI_BIN: '/nonexistent/gemini',
        AGENT_MAX_RESTARTS: '0',
        AGENT_WALL_TIMEOUT: '2m',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        DISPATCH_INTERVAL: '200ms',
        RATE_LIMIT_BACKOFF: `${BACKOFF_MS}ms`,
        MEMORY_EMBEDDINGS: 'hash',
        MEMORY_WRITE_AFTER_RUNS: 'false',
      },
    });
  }, 60_000);

  afterAll(async () => {
    if (server) expect(await server.stop()).toEqual({ code: 0, signal: null });
    await killAllServers();
    await stub?.close();
    await registry?.cleanup();
    await home?.cleanup();
  }, 60_000);

  it('pauses dispatch after a 429, requeues the task without counting the attempt, and resumes after the pause', async () => {
    stub.setScript({ turns: [rateLimitedTurn({ retryAfterSeconds: 30 }), textTurn('Done after the pause.')] });
    const created = await api('POST', '/api/tasks', { title: 'Limited', description: 'Say hello.', assignee: EMPLOYEE }, (v) => taskSchema.parse(v), 201);

    const pause = await until('the pause', async () => (await gate()).pauses.find((p) => p.scope === 'runtime:claude-code') ?? null);
    expect(pause).toMatchObject({ runtime: 'claude-code', reason: 'rate_limit', reportedReset: false, taskId: created.id });
    expect(Date.parse(pause.until) - Date.parse(pause.createdAt)).toBe(BACKOFF_MS);
    const [limitedRun] = await runsOf(created.id);
    expect(limitedRun).toMatchObject({ status: 'failed', errorCode: 'AGENT_RATE_LIMITED', runtime: 'claude-code' });
    expect(limitedRun!.errorMessage).toContain('429');

    const requeued = await until('the requeue', async () => {
      const t = await getTask(created.id);
      return t.status === 'queued' || t.status === 'running' || t.status === 'completed' ? t : null;
    });
    const timeline = (await api('GET', `/api/tasks/${created.id}/timeline`, undefined, (v) => taskTimeline.parse(v))).items;
    const requeue = timeline.find((e) => e.to === 'queued' && e.data?.['pausedUntil'] !== undefined);
    expect(requeue).toMatchObject({ data: expect.objectContaining({ errorCode: 'AGENT_RATE_LIMITED', pausedUntil: pause.until }) });
    expect(requeued.attempts).toBeLessThanOrEqual(1);

    const done = await until('the task to finish', async () => {
      const t = await getTask(created.id);
      return ['completed', 'failed', 'cancelled'].includes(t.status) ? t : null;
    });
    expect(done).toMatchObject({ status: 'completed', attempts: 1 });
    const runs = await runsOf(created.id);
    expect(runs.map((r) => r.status)).toEqual(['failed', 'succeeded']);
    expect(Date.parse(runs[1]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(pause.until));
    expect(runs[1]!.resultText).toContain('Done after the pause.');
    expect(stub.mainRequests().map((r) => r.status)).toEqual([429, 200]);
    expect((await gate()).pauses).toEqual([]);
  });
});
