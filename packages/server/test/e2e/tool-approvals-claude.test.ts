/**
 * Tool approvals with the REAL Claude Code CLI (the dev dependency) against the local Messages API
 * stub, through the BUILT server: an employee in `default` permission mode gets
 * `--permission-prompt-tool mcp__dashboard__approve_tool_use`; the stub's model asks to run Bash
 * (which needs a permission in that mode), the CLI calls our MCP tool, the run shows a pending
 * `tool_approval`, and a manager decides over REST:
 *  - allow → the command runs (its file exists) and the model sees its output;
 *  - deny with a note → nothing runs, the model sees the denial with the note, the run ends cleanly;
 *  - allow from the run page in a real browser (Chromium): "Needs approval" with the tool and its
 *    input, the Approve button → the command runs;
 *  - nobody decides within BRIDGE_APPROVAL_TIMEOUT (second server, 1 s) → denied, the request expired.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputRequestList, task as taskSchema, type InputRequest, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnthropicStub } from '../support/anthropic-stub/anthropic-stub.js';
import { eventually, launchBrowser } from '../support/browser.js';
import { CLAUDE_BIN, claudeCliEnv } from '../support/anthropic-stub/cli-env.js';
import { toolResultsOf } from '../support/anthropic-stub/inspect.js';
import { textTurn, toolUseTurn } from '../support/anthropic-stub/script.js';
import { teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const EMPLOYEE = 'emp_401';
const WEB_INDEX = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));

interface Setup {
  server: SpawnedServer;
  stub: AnthropicStub;
  registry: RegistryFixture;
  home: TempDir;
  out: TempDir;
}

async function setUp(extraEnv: Record<string, string>): Promise<Setup> {
  const stub = await AnthropicStub.start();
  const home = await makeTempDir('dash-approvals-home-');
  const out = await makeTempDir('dash-approvals-out-');
  const registry = await makeRegistryFixture();
  await registry.write(teamRegistry([teamMember(EMPLOYEE, { maxConcurrentTasks: 1, runtimeConfig: { runtime: 'claude-code', maxTurns: 5, permissionMode: 'default' } })]));
  const server = await startServer({
    env: {
      ...claudeCliEnv(stub.url, home.path),
      NODE_ID: 'e2e-approvals',
      AGENT_CLAUDE_BIN: CLAUDE_BIN,
      AGENT_CODEX_BIN: '/nonexistent/codex',
      AGENT_GEMINI_BIN: '/nonexistent/gemini',
      AGENT_MAX_RESTARTS: '0',
      AGENT_WALL_TIMEOUT: '3m',
      EMPLOYEE_REGISTRY_DIR: registry.path,
      DISPATCH_INTERVAL: '200ms',
      MEMORY_EMBEDDINGS: 'hash',
      MEMORY_WRITE_AFTER_RUNS: 'false',
      ...extraEnv,
    },
  });
  return { server, stub, registry, home, out };
}

async function tearDown(s: Setup | undefined): Promise<void> {
  if (!s) return;
  expect(await s.server.stop()).toEqual({ code: 0, signal: null });
  await s.stub.close();
  await s.registry.cleanup();
  await s.home.cleanup();
  await s.out.cleanup();
}

/** Every API call of this file goes through here (credentials from server-process.ts). */
async function api<T>(server: SpawnedServer, method: string, path: string, body: unknown, parse: (v: unknown) => T, status = 200): Promise<T> {
  const res = await server.api(path, { method, ...(body !== undefined && { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
  const text = await res.text();
  if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return parse(text === '' ? null : JSON.parse(text));
}

async function until<T>(server: SpawnedServer, what: string, probe: () => Promise<T | null>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.stdout().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const createTask = (server: SpawnedServer, title: string): Promise<Task> =>
  api(server, 'POST', '/api/tasks', { title, description: `${title}.`, assignee: EMPLOYEE }, (v) => taskSchema.parse(v), 201);

const finished = (server: SpawnedServer, id: string): Promise<Task> =>
  until(server, `task ${id} to finish`, async () => {
    const t = await api(server, 'GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));
    return ['completed', 'failed', 'cancelled', 'blocked'].includes(t.status) ? t : null;
  });

const runIdOf = (server: SpawnedServer, taskId: string): Promise<string> =>
  until(server, 'the run to start', async () => (await api(server, 'GET', `/api/tasks/${taskId}`, undefined, (v) => taskSchema.parse(v))).lastRunId);

const requestsOf = async (server: SpawnedServer, runId: string): Promise<InputRequest[]> =>
  (await api(server, 'GET', `/api/bridge/runs/${runId}/input-requests`, undefined, (v) => inputRequestList.parse(v))).items;

const pendingApproval = (server: SpawnedServer, runId: string): Promise<InputRequest> =>
  until(server, 'the pending tool approval', async () => (await requestsOf(server, runId)).find((r) => r.kind === 'tool_approval' && r.status === 'pending') ?? null);

describe('tool approvals: the real Claude Code CLI asks a manager through --permission-prompt-tool', () => {
  let s: Setup;

  beforeAll(async () => {
    expect(existsSync(CLAUDE_BIN), `the Claude Code CLI is missing at ${CLAUDE_BIN}`).toBe(true);
    s = await setUp({});
  }, 60_000);

  afterAll(async () => {
    await tearDown(s);
    await killAllServers();
  }, 60_000);

  it('runs the tool once a manager allows it', async () => {
    const file = join(s.out.path, 'approved.txt');
    const command = `echo approved-by-manager > ${file}`;
    s.stub.setScript({ turns: [toolUseTurn('Bash', { command, description: 'Write the marker file' }, { id: 'toolu_approve_1' }), textTurn('Done.')] });
    const created = await createTask(s.server, 'Write the approved marker');
    const runId = await runIdOf(s.server, created.id);
    const approval = await pendingApproval(s.server, runId);
    expect(approval).toMatchObject({ kind: 'tool_approval', runId, taskId: created.id, employeeId: EMPLOYEE, decision: null, tool: { name: 'Bash', input: expect.objectContaining({ command }) } });
    expect(existsSync(file)).toBe(false);

    // The answer route is for questions only.
    const wrong = await s.server.api(`/api/bridge/runs/${runId}/input-requests/${approval.id}/answer`, {
      method: 'POST',
      body: JSON.stringify({ answer: 'yes' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(wrong.status).toBe(409);
    expect(await wrong.json()).toMatchObject({ error: { code: 'BRIDGE_INPUT_KIND_MISMATCH' } });

    const decided = await api(s.server, 'POST', `/api/bridge/runs/${runId}/input-requests/${approval.id}/decision`, { decision: 'allow' }, (v) => v as InputRequest);
    expect(decided).toMatchObject({ status: 'answered', decision: 'allow' });

    const task = await finished(s.server, created.id);
    expect(task.status).toBe('completed');
    expect((await readFile(file, 'utf8')).trim()).toBe('approved-by-manager');
    const results = toolResultsOf(s.stub.mainRequests().at(-1)!);
    expect(results).toEqual([expect.objectContaining({ toolUseId: 'toolu_approve_1', isError: false })]);

    // Decided once: a second decision changes nothing.
    const again = await s.server.api(`/api/bridge/runs/${runId}/input-requests/${approval.id}/decision`, {
      method: 'POST',
      body: JSON.stringify({ decision: 'deny' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'BRIDGE_INPUT_CLOSED' } });
  });

  it('does not run the tool when a manager denies it, tells the model why, and the run ends cleanly', async () => {
    const file = join(s.out.path, 'denied.txt');
    s.stub.setScript({ turns: [toolUseTurn('Bash', { command: `echo nope > ${file}`, description: 'Write a file' }, { id: 'toolu_deny_1' }), textTurn('Understood, not writing it.')] });
    const created = await createTask(s.server, 'Write the denied marker');
    const runId = await runIdOf(s.server, created.id);
    const approval = await pendingApproval(s.server, runId);
    await api(s.server, 'POST', `/api/bridge/runs/${runId}/input-requests/${approval.id}/decision`, { decision: 'deny', message: 'Not on the shared disk, please.' }, (v) => v as InputRequest);

    const task = await finished(s.server, created.id);
    expect(task.status).toBe('completed');
    expect(existsSync(file)).toBe(false);
    const results = toolResultsOf(s.stub.mainRequests().at(-1)!);
    expect(results).toEqual([expect.objectContaining({ toolUseId: 'toolu_deny_1', isError: true })]);
    expect(results[0]!.text).toContain('Not on the shared disk, please.');
    expect((await requestsOf(s.server, runId))[0]).toMatchObject({ status: 'answered', decision: 'deny', answer: 'Not on the shared disk, please.' });
  });
  it('is approved from the run page in a browser', async () => {
    expect(existsSync(WEB_INDEX), `${WEB_INDEX} is missing: build the web app first (npm run build -w @dash/web)`).toBe(true);
    const file = join(s.out.path, 'approved-in-browser.txt');
    const command = `echo clicked > ${file}`;
    s.stub.setScript({ turns: [toolUseTurn('Bash', { command, description: 'Write a file' }, { id: 'toolu_browser_1' }), textTurn('Done.')] });
    const created = await createTask(s.server, 'Approve in the browser');
    const runId = await runIdOf(s.server, created.id);
    await pendingApproval(s.server, runId);

    const browser = await launchBrowser();
    try {
      await browser.signIn(s.server);
      await browser.context.setExtraHTTPHeaders(s.server.authHeaders());
      const page = await browser.newPage();
      await page.goto(`${s.server.url}/runs/${runId}`);
      const card = page.locator('[data-test^="approval-request-"]');
      await card.waitFor({ timeout: 30_000 });
      expect(await card.textContent()).toContain('Needs approval');
      expect(await page.locator('[data-test="approval-tool"]').textContent()).toBe('Bash');
      expect(await page.locator('[data-test="approval-input"]').textContent()).toContain(command);
      await page.locator('[data-test="approval-allow"]').click();
      await eventually('the approval to close on the page', () => card.count(), (n) => n === 0);
    } finally {
      await browser.close();
    }
    const task = await finished(s.server, created.id);
    expect(task.status).toBe('completed');
    expect((await readFile(file, 'utf8')).trim()).toBe('clicked');
    expect((await requestsOf(s.server, runId))[0]).toMatchObject({ status: 'answered', decision: 'allow' });
  }, 120_000);
});

describe('tool approvals: nobody decides in time', () => {
  let s: Setup;

  beforeAll(async () => {
    s = await setUp({ BRIDGE_APPROVAL_TIMEOUT: '1s' });
  }, 60_000);

  afterAll(async () => {
    await tearDown(s);
    await killAllServers();
  }, 60_000);

  it('denies the tool use when BRIDGE_APPROVAL_TIMEOUT passes', async () => {
    const file = join(s.out.path, 'expired.txt');
    s.stub.setScript({ turns: [toolUseTurn('Bash', { command: `echo late > ${file}`, description: 'Write a file' }, { id: 'toolu_expire_1' }), textTurn('Nobody approved; stopping.')] });
    const created = await createTask(s.server, 'Write the expired marker');
    const task = await finished(s.server, created.id);
    expect(task.status).toBe('completed');
    expect(existsSync(file)).toBe(false);
    const runId = task.lastRunId!;
    expect(await requestsOf(s.server, runId)).toEqual([expect.objectContaining({ kind: 'tool_approval', status: 'expired', decision: null })]);
    const results = toolResultsOf(s.stub.mainRequests().at(-1)!);
    expect(results).toEqual([expect.objectContaining({ toolUseId: 'toolu_expire_1', isError: true })]);
    expect(results[0]!.text).toContain('Nobody approved this tool use in time.');
  });
});
