/**
 * The employee routes through fastify.inject on the real HTTP server factory (zod compilers, error
 * mapping, access control: every request carries an admin API token), over a registry service on a private registry copy and a SQLite store.
 */
import { Writable } from 'node:stream';
import {
  apiErrorBody,
  departmentList,
  employeeList,
  employeePrompt,
  employeeView,
  registryFile,
  registryReloadResult,
  registryStatus,
  skillCatalog,
  skillList,
} from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Lifecycle } from '../../src/lifecycle/lifecycle.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { EmployeeRegistryServiceDeps } from '../../src/services/employees/employee-registry-service.js';
import { createHttpServer, type HttpServer } from '../../src/transport/http/http-server.js';
import { employeeRoutes } from '../../src/transport/http/routes/employee-routes.js';
import type { InjectOptions } from 'fastify';
import { authedInject, makeTestAuth, type TestAuth } from '../support/auth.js';
import { makeRegistryHarness, type RegistryHarness } from '../support/employee-registry-fixture.js';

let h: RegistryHarness | null = null;
let server: HttpServer | null = null;
let auth: TestAuth | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  await h?.cleanup();
  h = null;
  await auth?.close();
  auth = null;
});

/** Every request carries the admin token (PATCH and reload need the admin role). */
const api = (target: HttpServer, options: InjectOptions) => authedInject(auth ?? missingAuth())(target, options);
const missingAuth = (): never => {
  throw new Error('build() first');
};

async function build(deps: Partial<EmployeeRegistryServiceDeps> = {}): Promise<{ server: HttpServer; harness: RegistryHarness }> {
  h = await makeRegistryHarness(deps);
  await h.service.start();
  const logger = createLogger({ level: 'silent', nodeId: 'test' }, new Writable({ write: (_c, _e, cb) => cb() }));
  const metrics = createMetrics({ activeProcesses: () => 0, queueDepth: () => ({}) });
  const lifecycle = new Lifecycle({ logger, drainTimeoutMs: 1_000 });
  auth = await makeTestAuth();
  const http = createHttpServer({ logger, metrics, lifecycle, auth: auth.authenticator });
  server = http.server;
  await server.register(employeeRoutes, { employees: h.service });
  await lifecycle.start();
  return { server, harness: h };
}

const errorOf = (payload: string) => apiErrorBody.parse(JSON.parse(payload)).error;

describe('employee routes', () => {
  it('GET /api/employees lists all, and filters by department, status and skill', async () => {
    const { server } = await build();
    const all = await api(server, { method: 'GET', url: '/api/employees' });
    expect(all.statusCode).toBe(200);
    expect(employeeList.parse(all.json()).items).toHaveLength(13);

    const ids = async (query: string) =>
      employeeList.parse((await api(server, { method: 'GET', url: `/api/employees?${query}` })).json()).items.map((e) => e.id);
    expect(await ids('department=support')).toEqual(['emp_011', 'emp_012', 'emp_013']);
    expect(await ids('skill=release_approval')).toEqual(['emp_003']);
    expect(await ids('status=paused')).toEqual([]);
    expect(await ids('department=development&skill=test_automation')).toEqual(['emp_004', 'emp_006', 'emp_007']);
  });

  it('answers 400 with the field at fault for an unknown filter value', async () => {
    const { server } = await build();
    const res = await api(server, { method: 'GET', url: '/api/employees?skill=coding' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.payload)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'query.skill' }] });
  });

  it('GET /api/employees/:id answers the view, or 404 NOT_FOUND', async () => {
    const { server } = await build({ slotsUsed: (id) => (id === 'emp_009' ? 1 : 0) });
    const res = await api(server, { method: 'GET', url: '/api/employees/emp_009' });
    expect(res.statusCode).toBe(200);
    expect(employeeView.parse(res.json())).toMatchObject({
      id: 'emp_009',
      name: 'Avery SRE',
      roleLabel: 'Site Reliability Engineer',
      workload: { slotsMax: 1, slotsUsed: 1, slotsFree: 0, workloadPercent: 100 },
      stats: null,
    });
    for (const id of ['emp_999', 'emp_004_sd', 'nobody']) {
      const missing = await api(server, { method: 'GET', url: `/api/employees/${id}` });
      expect(missing.statusCode).toBe(404);
      expect(errorOf(missing.payload)).toMatchObject({ code: 'NOT_FOUND', details: { employeeId: id } });
    }
  });

  it('PATCH /api/employees/:id edits allow-listed fields and shows up in list, export and after restart', async () => {
    const { server, harness } = await build();
    const res = await api(server, {
      method: 'PATCH',
      url: '/api/employees/emp_006',
      payload: { status: 'paused', maxConcurrentTasks: 3, runtimeConfig: { model: 'sonnet', allowedTools: ['Read', 'Grep'] } },
    });
    expect(res.statusCode).toBe(200);
    expect(employeeView.parse(res.json())).toMatchObject({
      source: 'api',
      status: 'paused',
      maxConcurrentTasks: 3,
      runtimeConfig: { model: 'sonnet', allowedTools: ['Read', 'Grep'], permissionMode: 'acceptEdits' },
    });

    const paused = employeeList.parse((await api(server, { method: 'GET', url: '/api/employees?status=paused' })).json());
    expect(paused.items.map((e) => e.id)).toEqual(['emp_006']);

    const exported = await api(server, { method: 'GET', url: '/api/employees/registry/export' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('employee-registry.json');
    expect(registryFile.parse(exported.json()).employees[5]).toMatchObject({ id: 'emp_006', status: 'paused', maxConcurrentTasks: 3 });

    const again = await harness.restart();
    expect(await again.get('emp_006')).toMatchObject({ status: 'paused', source: 'api' });
  });

  it('PATCH refuses fields outside the allow-list and invalid values, naming the fields', async () => {
    const { server } = await build();
    const patch = (payload: unknown, id = 'emp_004') => api(server, { method: 'PATCH', url: `/api/employees/${id}`, payload: payload as object });

    const name = await patch({ name: 'Mallory' });
    expect(name.statusCode).toBe(400);
    expect(errorOf(name.payload).code).toBe('VALIDATION_FAILED');

    const skill = await patch({ skills: ['code_review', 'coding'] });
    expect(skill.statusCode).toBe(400);
    expect(errorOf(skill.payload).fields).toEqual([{ path: 'body.skills.1', message: expect.any(String) }]);

    const slots = await patch({ maxConcurrentTasks: 50 });
    expect(errorOf(slots.payload).fields).toEqual([{ path: 'body.maxConcurrentTasks', message: expect.any(String) }]);

    const shell = await patch({ runtimeConfig: { runtime: 'shell' } });
    expect(shell.statusCode).toBe(400);
    expect(errorOf(shell.payload)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'body.runtimeConfig.command' }] });

    const empty = await patch({});
    expect(empty.statusCode).toBe(400);

    const unknown = await patch({ status: 'paused' }, 'emp_999');
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown.payload).code).toBe('NOT_FOUND');

    const unchanged = employeeView.parse((await api(server, { method: 'GET', url: '/api/employees/emp_004' })).json());
    expect(unchanged).toMatchObject({ source: 'file', skills: expect.arrayContaining(['code_review']), runtimeConfig: { runtime: 'claude-code' } });
  });

  it('GET /api/departments lists the four departments with heads and slot totals', async () => {
    const { server } = await build();
    const res = await api(server, { method: 'GET', url: '/api/departments' });
    expect(res.statusCode).toBe(200);
    expect(departmentList.parse(res.json()).items.map((d) => [d.id, d.name, d.head, d.slotsMax, d.slotsUsed])).toEqual([
      ['executive', 'Executive', 'emp_001', 5, 0],
      ['development', 'Development', 'emp_004', 7, 0],
      ['operations', 'Operations', 'emp_008', 4, 0],
      ['support', 'Support', 'emp_011', 4, 0],
    ]);
  });

  it('GET /api/skills answers the catalog with category labels', async () => {
    const { server } = await build();
    const body = skillList.parse((await api(server, { method: 'GET', url: '/api/skills' })).json());
    expect(body.items).toEqual(skillCatalog);
    expect(body.categories.map((c) => c.id)).toContain('testing');
  });

  it('GET /api/employees/:id/prompt answers the loaded role prompt', async () => {
    const { server } = await build();
    const body = employeePrompt.parse((await api(server, { method: 'GET', url: '/api/employees/emp_010/prompt' })).json());
    expect(body.promptFile).toBe('security-engineer.md');
    expect(body.text).toMatch(/^# Role: Security Engineer/);
  });

  it('registry status, reload with force, and 422 REGISTRY_INVALID on a bad file', async () => {
    const { server, harness } = await build();
    const status = registryStatus.parse((await api(server, { method: 'GET', url: '/api/employees/registry/status' })).json());
    expect(status).toMatchObject({ sourcePath: harness.fixture.registryFile, employeeCount: 13, lastError: null });

    await api(server, { method: 'PATCH', url: '/api/employees/emp_002', payload: { status: 'offline' } });
    const forced = await api(server, { method: 'POST', url: '/api/employees/registry/reload?force=true' });
    expect(forced.statusCode).toBe(200);
    expect(registryReloadResult.parse(forced.json())).toMatchObject({ overridesDropped: ['emp_002'] });

    const r = await harness.fixture.read();
    r.departments.operations!.head = 'emp_404';
    await harness.fixture.write(r);
    const bad = await api(server, { method: 'POST', url: '/api/employees/registry/reload' });
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad.payload)).toMatchObject({
      code: 'REGISTRY_INVALID',
      fields: [{ path: 'departments.operations.head', message: expect.stringContaining('emp_404') }],
    });
    const after = registryStatus.parse((await api(server, { method: 'GET', url: '/api/employees/registry/status' })).json());
    expect(after.lastError).toMatchObject({ path: 'departments.operations.head' });
    const depts = departmentList.parse((await api(server, { method: 'GET', url: '/api/departments' })).json());
    expect(depts.items.find((d) => d.id === 'operations')?.head).toBe('emp_008');
  });
});
