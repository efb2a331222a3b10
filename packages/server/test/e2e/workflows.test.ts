/**
 * The software-development workflow end to end against the built server: a private registry of
 * one fake-agent employee per role the template needs (the shipped templates come with it), the
 * server on its own DATA_DIR. Every agent run sleeps, writes a file and answers with its prompt,
 * so each step's output is the prompt it got and the hand-over can be checked from the recorded
 * prompts (the runs' `user.message` events).
 *
 *  1. bad input: an unknown template, an invalid template file (reload answers 422 naming the
 *     file, phase and field; the templates in force stay), an approval of a step that does not
 *     wait, a rejection without a reason: each a stable code, nothing changed;
 *  2. the run: the architecture gate is approved (seen live on the `workflows` topic), then the
 *     server is killed (SIGKILL) while the test-writing step runs and restarted on the same
 *     DATA_DIR; the run goes on (the interrupted runs are `lost` and retried); the quality-review
 *     gate is rejected with a reason, runs again with it, and is approved;
 *  3. afterwards, from the API: every step completed; test writing's two roles overlapped, and
 *     documentation overlapped testing; every dependent step's prompts contained the outputs of
 *     the steps it depends on; the re-run of the rejected step got the reason.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiErrorBody, runEventsPage, run as runSchema, workflowRun, workflowTemplateList, type Run, type WorkflowRun } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { randomAdminToken, randomPassword } from '../support/auth.js';
import { fakeScript, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { LiveClient } from '../support/live-feed-client.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { roleTeam } from '../support/workflow-harness.js';

const ROLES = ['project_manager', 'technical_lead', 'qa_director', 'senior_developer', 'qa_engineer', 'test_engineer', 'devops_engineer', 'technical_writer'] as const;
const REQUEST = fakeScript('Build a URL shortener with an HTTP API.', {
  steps: [{ sleep: 1200 }, { tool: { name: 'Write', input: { file_path: 'notes/step.md', content: 'x' }, output: 'ok' } }, { echoPrompt: true }],
});

describe('software-development workflow e2e (kill -9 and restart mid-run)', () => {
  let server: SpawnedServer;
  let registry: RegistryFixture;
  let dataDir: TempDir;
  let env: Record<string, string>;

  /** THE one helper every HTTP call of this file goes through (credentials live in server.api). */
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const res = await server.api(path, { method, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
  };
  const ok = async <T>(method: string, path: string, body: unknown, parse: (v: unknown) => T, status = 200): Promise<T> => {
    const res = await call(method, path, body);
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
    return parse(res.json);
  };
  const getRun = (id: string): Promise<WorkflowRun> => ok('GET', `/api/workflows/runs/${id}`, undefined, (v) => workflowRun.parse(v));
  const agentRun = (id: string): Promise<Run> => ok('GET', `/api/runs/${id}`, undefined, (v) => runSchema.parse(v));
  const runsOfTask = async (taskId: string): Promise<Run[]> => ok('GET', `/api/tasks/${taskId}/runs`, undefined, (v) => (v as { items: unknown[] }).items.map((r) => runSchema.parse(r)));
  const promptOf = async (runId: string): Promise<string> => {
    const page = await ok('GET', `/api/runs/${runId}/events?limit=20`, undefined, (v) => runEventsPage.parse(v));
    const first = page.events.find((e) => e.event.type === 'user.message');
    if (!first || first.event.type !== 'user.message') throw new Error(`run ${runId} has no prompt`);
    return first.event.text;
  };
  const waitForRun = async (id: string, predicate: (r: WorkflowRun) => boolean, timeoutMs = 90_000): Promise<WorkflowRun> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await getRun(id);
      if (predicate(r)) return r;
      if (Date.now() > deadline) throw new Error(`run is ${r.status}: ${r.steps.map((s) => `${s.key}=${s.status}`).join(' ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const step = (r: WorkflowRun, key: string) => {
    const found = r.steps.find((s) => s.key === key);
    if (!found) throw new Error(`no step ${key}`);
    return found;
  };
  const errorOf = (json: unknown) => apiErrorBody.parse(json).error;

  beforeAll(async () => {
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry(roleTeam(ROLES, 1)));
    dataDir = await makeTempDir('dash-wf-e2e-');
    env = {
      AGENT_CLAUDE_BIN: FAKE_AGENT,
      AGENT_CODEX_BIN: '/nonexistent/codex',
      AGENT_STOP_GRACE: '300ms',
      AGENT_MAX_RESTARTS: '0',
      MAX_CONCURRENT_PROCESSES: '4',
      EMPLOYEE_REGISTRY_DIR: registry.path,
      DISPATCH_INTERVAL: '200ms',
      TASK_RETRY_BACKOFF: '200ms',
      DATA_DIR: dataDir.path,
      // The same credentials across the restart.
      DASHBOARD_ADMIN_TOKEN: randomAdminToken(),
      DASHBOARD_ADMIN_PASSWORD: randomPassword(),
    };
    server = await startServer({ env });
  });

  afterAll(async () => {
    if (server) expect(await server.stop()).toEqual({ code: 0, signal: null });
    await killAllServers();
    await registry?.cleanup();
    await dataDir?.cleanup();
  });

  it('refuses an unknown template and an invalid template file with stable codes, changing nothing', async () => {
    const unknown = await call('POST', '/api/workflows/runs', { templateId: 'no_such_flow', title: 'x', request: 'y' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.json)).toMatchObject({ code: 'WORKFLOW_TEMPLATE_NOT_FOUND', fields: [{ path: 'body.templateId' }] });

    const before = await ok('GET', '/api/workflows/templates', undefined, (v) => workflowTemplateList.parse(v));
    expect(before.items.map((t) => t.id).sort()).toEqual(['bug_fix', 'feature_development', 'infrastructure_project', 'software_development', 'testing_project', 'ui_ux_project']);
    expect(before.items.find((t) => t.id === 'software_development')?.unstaffedRoles).toEqual([]);
    const broken = join(registry.path, 'workflows', 'broken.json');
    await writeFile(
      broken,
      JSON.stringify({
        version: 1,
        id: 'broken',
        name: 'Broken',
        description: 'd',
        phases: [{ key: 'build', name: 'Build', description: 'd', instructions: 'i', requiredRoles: ['wizard'] }],
      }),
    );
    const invalid = await call('POST', '/api/workflows/templates/reload');
    expect(invalid.status).toBe(422);
    const error = errorOf(invalid.json);
    expect(error.code).toBe('WORKFLOW_TEMPLATE_INVALID');
    expect(error.message).toContain('broken.json, phase "build", phases.0.requiredRoles.0');
    expect(error.fields?.[0]?.path).toBe('broken.json:phases.0.requiredRoles.0');
    const after = await ok('GET', '/api/workflows/templates', undefined, (v) => workflowTemplateList.parse(v));
    expect(after.items.map((t) => t.id)).toEqual(before.items.map((t) => t.id));
    expect(after.status.lastError?.issues[0]).toMatchObject({ file: 'broken.json', phase: 'build' });
    await rm(broken);
    const reloaded = await ok('POST', '/api/workflows/templates/reload', undefined, (v) => workflowTemplateList.parse(v));
    expect(reloaded.status.lastError).toBeNull();

    // The routes are in the OpenAPI document.
    const doc = await ok('GET', '/api/docs/json', undefined, (v) => v as { paths: Record<string, unknown> });
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/workflows')).sort()).toEqual([
      '/api/workflows/runs',
      '/api/workflows/runs/{id}',
      '/api/workflows/runs/{id}/cancel',
      '/api/workflows/runs/{id}/steps/{key}/approve',
      '/api/workflows/runs/{id}/steps/{key}/reject',
      '/api/workflows/templates',
      '/api/workflows/templates/reload',
      '/api/workflows/templates/{id}',
    ]);
  });

  it('runs the software-development template through a restart, two gates and a rejection, handing every output on', async () => {
    const live = await LiveClient.open(server.url, undefined, { headers: server.authHeaders() });
    await live.subscribe('workflows');
    const started = await ok('POST', '/api/workflows/runs', { templateId: 'software_development', title: 'Shortener', request: REQUEST }, (v) => workflowRun.parse(v), 201);
    expect(started.steps.map((s) => s.key)).toEqual(['planning', 'architecture', 'test_writing', 'development', 'testing', 'documentation', 'deployment', 'quality_review']);
    expect(step(started, 'planning').status).toBe('running');

    // Gate 1: architecture waits; it is announced live.
    await live.next((m) => m.type === 'event' && m.topic === 'workflows' && workflowRun.parse(m.data).status === 'awaiting_approval', 60_000);
    const atGate = await getRun(started.id);
    expect(atGate.steps.map((s) => s.status)).toEqual(['completed', 'awaiting_approval', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending']);
    await live.close();

    // Bad decisions answer with stable codes and change nothing.
    const notWaiting = await call('POST', `/api/workflows/runs/${started.id}/steps/planning/approve`, {});
    expect(notWaiting.status).toBe(409);
    expect(errorOf(notWaiting.json)).toMatchObject({ code: 'WORKFLOW_STEP_NOT_AWAITING_APPROVAL', details: { status: 'completed' } });
    const noReason = await call('POST', `/api/workflows/runs/${started.id}/steps/architecture/reject`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(errorOf(noReason.json).code).toBe('WORKFLOW_REJECT_REASON_REQUIRED');
    const noStep = await call('POST', `/api/workflows/runs/${started.id}/steps/nope/approve`, {});
    expect(errorOf(noStep.json).code).toBe('WORKFLOW_STEP_NOT_FOUND');
    expect((await getRun(started.id)).version).toBe(atGate.version);

    await ok('POST', `/api/workflows/runs/${started.id}/steps/architecture/approve`, { comment: 'Design is fine' }, (v) => workflowRun.parse(v));

    // Kill -9 while test writing runs, restart on the same DATA_DIR.
    const writing = await waitForRun(started.id, (r) => step(r, 'test_writing').tasks.length === 2 && step(r, 'test_writing').tasks.every((t) => t.status === 'running'));
    expect(writing.status).toBe('running');
    server.child.kill('SIGKILL');
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    server = await startServer({ env });

    // Gate 2: quality review, rejected with a reason, runs again, approved.
    await waitForRun(started.id, (r) => step(r, 'quality_review').status === 'awaiting_approval');
    const rejected = await ok('POST', `/api/workflows/runs/${started.id}/steps/quality_review/reject`, { reason: 'Add a rollback plan for the database' }, (v) => workflowRun.parse(v));
    expect(step(rejected, 'quality_review')).toMatchObject({ status: 'running', round: 2 });
    await waitForRun(started.id, (r) => step(r, 'quality_review').status === 'awaiting_approval' && step(r, 'quality_review').round === 2);
    const done = await ok('POST', `/api/workflows/runs/${started.id}/steps/quality_review/approve`, {}, (v) => workflowRun.parse(v));
    expect(done.status).toBe('completed');
    expect(done.steps.every((s) => s.status === 'completed')).toBe(true);
    expect(step(done, 'architecture').decisions.map((d) => [d.decision, d.round])).toEqual([['approved', 1]]);
    expect(step(done, 'quality_review').decisions.map((d) => [d.decision, d.round, d.reason])).toEqual([
      ['rejected', 1, 'Add a rollback plan for the database'],
      ['approved', 2, null],
    ]);

    // The kill interrupted test writing: its first runs were lost, then retried after the restart.
    for (const t of step(done, 'test_writing').tasks) {
      const statuses = (await runsOfTask(t.taskId)).map((r) => r.status);
      expect(statuses).toContain('lost');
      expect(statuses[0]).toBe('succeeded');
    }

    // Parallel phases overlapped in time (from the runs' recorded start and end).
    const finalRuns = async (key: string): Promise<Run[]> => Promise.all(step(done, key).tasks.map((t) => agentRun(t.lastRunId as string)));
    const overlap = (a: Run, b: Run): boolean =>
      Date.parse(a.startedAt ?? '') < Date.parse(b.endedAt ?? '') && Date.parse(b.startedAt ?? '') < Date.parse(a.endedAt ?? '');
    const [qaTests, engTests] = await finalRuns('test_writing');
    expect(overlap(qaTests as Run, engTests as Run)).toBe(true);
    const [testing] = await finalRuns('testing');
    const [docs] = await finalRuns('documentation');
    expect(overlap(testing as Run, docs as Run)).toBe(true);

    // Every step's output reached the prompts of the steps that depend on it.
    const excerpt = (r: Run): string => (r.resultText ?? '').slice(0, 300);
    for (const s of done.steps) {
      expect(s.output?.tasks.length, s.key).toBe(s.tasks.length);
      expect(s.output?.tasks.every((o) => o.files.some((f) => f.path === 'notes/step.md')), s.key).toBe(true);
      if (s.dependsOn.length === 0) continue;
      const upstream = (await Promise.all(s.dependsOn.map((key) => finalRuns(key)))).flat();
      for (const own of await finalRuns(s.key)) {
        const prompt = await promptOf(own.id);
        for (const dep of upstream) expect(prompt, `${s.key} ← ${dep.id}`).toContain(excerpt(dep));
        expect(prompt).toContain('- notes/step.md (written)');
      }
    }
    // The rejected step ran again with the reason.
    for (const own of await finalRuns('quality_review')) {
      const prompt = await promptOf(own.id);
      expect(prompt).toContain('## Reviewer feedback (round 2)');
      expect(prompt).toContain('Add a rollback plan for the database');
    }
  });
});
