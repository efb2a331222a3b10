/**
 * The API bridge as its own process (SERVICE_ROLE=bridge) next to a dashboard (SERVICE_ROLE=all
 * with API_BRIDGE_URL), both in-process on one fresh PostgreSQL database:
 *  - the dashboard forwards /api/bridge/* to the bridge (with the caller's credentials) and lists
 *    it as a healthy optional dependency;
 *  - the bridge's MCP endpoint accepts a run token from the shared store, and its tools create
 *    tasks the dashboard serves;
 *  - a question asked through the bridge is answered through the dashboard, and the waiting tool
 *    call gets the answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { analyticsReport, healthResponse, inputRequestList, task as taskSchema, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyRunTokenRepository } from '../../src/adapters/store/kysely-run-token-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { createApp, type App } from '../../src/app.js';
import { formatConfigIssues, loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/logger.js';
import { systemClock } from '../../src/ports/clock.js';
import { RunTokenService } from '../../src/services/bridge/mcp/run-token-service.js';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { adminTokenEnv, authedFetch } from '../support/auth.js';
import { teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { freePort } from '../support/server-process.js';

const admin = adminTokenEnv();
/** Every dashboard/bridge API call of this file (admin token). */
const api = authedFetch(admin.token);

describe('SERVICE_ROLE=bridge beside a dashboard with API_BRIDGE_URL', () => {
  let database: TestDatabase;
  let registry: RegistryFixture;
  const dirs: string[] = [];
  let bridge: App;
  let dashboard: App;
  let bridgeUrl: string;
  let dashboardUrl: string;

  const start = async (env: Record<string, string>, port: number): Promise<{ app: App; url: string }> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dash-bridge-role-'));
    dirs.push(dataDir);
    const loaded = loadConfig({
      DATA_DIR: dataDir,
      SERVE_WEB: 'false',
      DATABASE_URL: database.url,
      AGENT_CLAUDE_BIN: FAKE_AGENT,
      AGENT_CODEX_BIN: '/nonexistent/codex',
      EMPLOYEE_REGISTRY_DIR: registry.path,
      MEMORY_EMBEDDINGS: 'hash',
      ...admin.env,
      ...env,
    });
    if (!loaded.ok) throw new Error(formatConfigIssues(loaded.issues));
    const app = createApp({ ...loaded.config, http: { host: '127.0.0.1', port } }, { logger: createLogger({ level: 'silent', nodeId: env.NODE_ID ?? 'x' }) });
    return { app, url: (await app.start()).url };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember('emp_601', { status: 'paused' })]));
    const bridgePort = await freePort();
    ({ app: bridge, url: bridgeUrl } = await start({ SERVICE_ROLE: 'bridge', NODE_ID: 'bridge-1' }, bridgePort));
    ({ app: dashboard, url: dashboardUrl } = await start({ SERVICE_ROLE: 'all', NODE_ID: 'dash-1', API_BRIDGE_URL: bridgeUrl }, 0));
  }, 90_000);

  afterAll(async () => {
    await dashboard?.stop();
    await bridge?.stop();
    await registry?.cleanup();
    await database?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('forwards /api/bridge to the bridge and reports it healthy', async () => {
    const res = await api(`${dashboardUrl}/api/bridge/analytics?groupBy=all`);
    expect(res.status).toBe(200);
    expect(analyticsReport.parse(await res.json()).groupBy).toBe('all');
    // The bridge checks credentials itself: none → 401 through the proxy.
    expect((await fetch(`${dashboardUrl}/api/bridge/analytics`)).status).toBe(401);
    const health = healthResponse.parse(await (await fetch(`${dashboardUrl}/health`)).json());
    expect(health.dependencies.find((d) => d.name === 'api-bridge')).toMatchObject({ status: 'up' });
    // The dashboard serves no MCP endpoint of its own; the bridge serves no task API.
    expect((await fetch(`${dashboardUrl}/mcp/runs/x`, { method: 'POST' })).status).toBe(404);
    expect((await api(`${bridgeUrl}/api/tasks`)).status).toBe(404);
  });

  it('runs MCP tools on the bridge with a run token from the shared store, and hands answers given on the dashboard back', async () => {
    const created = await api(`${dashboardUrl}/api/tasks`, { method: 'POST', body: JSON.stringify({ title: 'Parent', description: 'Split work.', assignee: 'emp_601' }) });
    const parent = taskSchema.parse(await created.json());
    const runId = randomUUID();
    const store = dashboard.store();
    await store.runs.create({ id: runId, taskId: parent.id, employeeId: 'emp_601', runtime: 'claude-code', model: null, cwd: '/tmp', resumeOf: null, nodeId: 'dash-1', createdAt: systemClock.isoNow() });
    await store.runs.transition(runId, ['queued'], { status: 'running', startedAt: systemClock.isoNow() });
    const tokens = new RunTokenService({ tokens: new KyselyRunTokenRepository(storeDatabaseOf(store).db), runs: store.runs, clock: systemClock });
    const token = await tokens.mint({ runId, employeeId: 'emp_601', taskId: parent.id }, 600_000);
    let id = 0;
    const tool = async (name: string, args: Record<string, unknown>) => {
      const res = await fetch(`${bridgeUrl}/mcp/runs/${runId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method: 'tools/call', params: { name, arguments: args } }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { result: { isError: boolean; structuredContent: Record<string, unknown> } }).result;
    };

    const sub = await tool('create_subtask', { title: 'Child', description: 'Half of it.' });
    expect(sub.isError).toBe(false);
    const child = taskSchema.parse(await (await api(`${dashboardUrl}/api/tasks/${String(sub.structuredContent.taskId)}`)).json()) as Task;
    expect(child).toMatchObject({ title: 'Child', createdBy: 'agent:emp_601' });

    const asking = tool('request_human_input', { question: 'Ship it?' });
    let pending: { id: string } | undefined;
    await expect
      .poll(async () => {
        const list = inputRequestList.parse(await (await api(`${dashboardUrl}/api/bridge/runs/${runId}/input-requests`)).json());
        pending = list.items.find((r) => r.status === 'pending');
        return pending !== undefined;
      })
      .toBe(true);
    const answered = await api(`${dashboardUrl}/api/bridge/runs/${runId}/input-requests/${pending?.id}/answer`, { method: 'POST', body: JSON.stringify({ answer: 'Yes, ship it.' }) });
    expect(answered.status).toBe(200);
    expect((await asking).structuredContent).toMatchObject({ status: 'answered', answer: 'Yes, ship it.' });
  });
});
