/**
 * /api/bridge/* through the whole app in-process (embedded mode, a private registry copy, a
 * paused team so nothing runs): the analytics report and its validation, alerts (evaluate, list,
 * resolve, deliveries) and the `alerts` live topic, input-request answers for unknown requests,
 * registry export/import and who may call what (viewer / manager / admin).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertDeliveryList, alertList, analyticsReport, apiErrorBody, createdApiToken, inputRequestList, registryExportResult, registryReloadResult } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { formatConfigIssues, loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/logger.js';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { adminTokenEnv, bearer } from '../support/auth.js';
import { teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { LiveClient } from '../support/live-feed-client.js';
import { freePort } from '../support/server-process.js';

const admin = adminTokenEnv();

describe('/api/bridge routes', () => {
  let app: App;
  let url: string;
  let registry: RegistryFixture;
  let dataDir: string;
  const tokens: Record<'admin' | 'manager' | 'viewer', string> = { admin: admin.token, manager: '', viewer: '' };

  /** Every API call of this file goes through here, with the token of `as`. */
  const call = async (method: string, path: string, body?: unknown, as: keyof typeof tokens = 'admin'): Promise<{ status: number; json: unknown }> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...bearer(tokens[as]), ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
  };
  const errorOf = (json: unknown) => apiErrorBody.parse(json).error;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dash-bridge-routes-'));
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember('emp_501', { status: 'paused' })]));
    const loaded = loadConfig({
      DATA_DIR: dataDir,
      SERVE_WEB: 'false',
      NODE_ID: 'bridge-routes',
      AGENT_CLAUDE_BIN: FAKE_AGENT,
      AGENT_CODEX_BIN: '/nonexistent/codex',
      EMPLOYEE_REGISTRY_DIR: registry.path,
      MEMORY_EMBEDDINGS: 'hash',
      // A memory API nobody answers: `dependency_down` has something real to report.
      MEMORY_API_URL: `http://127.0.0.1:${await freePort()}`,
      ...admin.env,
    });
    if (!loaded.ok) throw new Error(formatConfigIssues(loaded.issues));
    app = createApp({ ...loaded.config, http: { host: '127.0.0.1', port: 0 } }, { logger: createLogger({ level: 'silent', nodeId: 'bridge-routes' }) });
    url = (await app.start()).url;
    for (const role of ['manager', 'viewer'] as const) {
      const made = await call('POST', '/api/tokens', { name: `test-${role}`, role });
      expect(made.status).toBe(201);
      tokens[role] = createdApiToken.parse(made.json).token;
    }
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await registry?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports analytics to viewers and refuses a bad query naming the field', async () => {
    const ok = await call('GET', '/api/bridge/analytics?granularity=week&groupBy=all', undefined, 'viewer');
    expect(ok.status).toBe(200);
    expect(analyticsReport.parse(ok.json)).toMatchObject({ granularity: 'week', groupBy: 'all', rows: [], summary: [] });
    const bad = await call('GET', '/api/bridge/analytics?granularity=month');
    expect(bad.status).toBe(400);
    expect(errorOf(bad.json)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'query.granularity' })] });
    const empty = await call('GET', '/api/bridge/analytics?from=2026-03-05T00:00:00Z&to=2026-03-04T00:00:00Z');
    expect(errorOf(empty.json)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'query.from' })] });
  });

  it('evaluates alerts on demand, publishes them live, and lets a manager resolve one once', async () => {
    const live = await LiveClient.open(url, undefined, { headers: bearer(tokens.viewer) });
    expect(await live.subscribe('alerts')).toMatchObject({ type: 'subscribed', topic: 'alerts' });

    expect((await call('POST', '/api/bridge/alerts/evaluate', undefined, 'viewer')).status).toBe(403);
    // The periodic evaluation may have opened it already at start; either way there is one.
    const evaluated = await call('POST', '/api/bridge/alerts/evaluate', undefined, 'manager');
    expect(evaluated).toMatchObject({ status: 200, json: { resolved: 0, open: 1 } });
    expect((await call('POST', '/api/bridge/alerts/evaluate', undefined, 'manager')).json).toMatchObject({ opened: 0, open: 1 });
    const open = alertList.parse((await call('GET', '/api/bridge/alerts?status=open', undefined, 'viewer')).json).items;
    expect(open).toEqual([expect.objectContaining({ key: 'dependency_down:memory-api', kind: 'dependency_down', severity: 'warning', status: 'open' })]);

    expect((await call('POST', `/api/bridge/alerts/${open[0]?.id}/resolve`, undefined, 'viewer')).status).toBe(403);
    const resolved = await call('POST', `/api/bridge/alerts/${open[0]?.id}/resolve`, undefined, 'manager');
    expect(resolved).toMatchObject({ status: 200, json: { status: 'resolved', resolvedBy: expect.stringContaining('test-manager') } });
    const pushed = await live.next((m) => m.type === 'event' && m.topic === 'alerts');
    expect(pushed).toMatchObject({ data: { id: open[0]?.id, status: 'resolved' } });
    const again = await call('POST', `/api/bridge/alerts/${open[0]?.id}/resolve`, undefined, 'manager');
    expect([again.status, errorOf(again.json).code]).toEqual([409, 'ALERT_ALREADY_RESOLVED']);
    const missing = await call('GET', '/api/bridge/alerts/no-such-alert');
    expect([missing.status, errorOf(missing.json).code]).toEqual([404, 'ALERT_NOT_FOUND']);
    // Still down: it does not open again while it lasts.
    expect((await call('POST', '/api/bridge/alerts/evaluate', undefined, 'manager')).json).toMatchObject({ opened: 0 });
    // No webhooks are configured: nothing to deliver.
    expect(alertDeliveryList.parse((await call('GET', '/api/bridge/alerts/deliveries')).json).items).toEqual([]);
    await live.close();
  });

  it('refuses answers to unknown questions and bad answers, changing nothing', async () => {
    const empty = await call('POST', '/api/bridge/runs/run-1/input-requests/req-1/answer', { answer: '   ' }, 'manager');
    expect([empty.status, errorOf(empty.json).fields?.[0]?.path]).toEqual([400, 'body.answer']);
    const unknown = await call('POST', '/api/bridge/runs/run-1/input-requests/req-1/answer', { answer: 'yes' }, 'manager');
    expect([unknown.status, errorOf(unknown.json).code]).toEqual([404, 'BRIDGE_INPUT_NOT_FOUND']);
    const viewer = await call('POST', '/api/bridge/runs/run-1/input-requests/req-1/answer', { answer: 'yes' }, 'viewer');
    expect(viewer.status).toBe(403);
    expect(inputRequestList.parse((await call('GET', '/api/bridge/input-requests?status=pending', undefined, 'viewer')).json).items).toEqual([]);
  });

  it('exports and imports the registry for admins only', async () => {
    expect((await call('POST', '/api/bridge/registry/export', {}, 'manager')).status).toBe(403);
    const edited = await call('PATCH', '/api/employees/emp_501', { maxConcurrentTasks: 2 });
    expect(edited.status).toBe(200);
    const exported = await call('POST', '/api/bridge/registry/export', {});
    expect(exported.status).toBe(200);
    expect(registryExportResult.parse(exported.json)).toMatchObject({ written: true, employees: 1, backupPath: `${registry.registryFile}.bak` });
    expect(JSON.parse(await readFile(registry.registryFile, 'utf8'))).toMatchObject({ employees: [expect.objectContaining({ id: 'emp_501', maxConcurrentTasks: 2 })] });
    const imported = await call('POST', '/api/bridge/registry/import?force=true', undefined);
    expect(imported.status).toBe(200);
    expect(registryReloadResult.parse(imported.json)).toMatchObject({ status: { employeeCount: 1, lastError: null }, overridesDropped: ['emp_501'] });
  });
});
