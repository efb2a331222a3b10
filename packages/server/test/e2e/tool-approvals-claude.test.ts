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
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputRequestList, task as taskSchema, type InputRequest, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolResultsOf } from '../support/anthropic-stub/inspect.js';
import { textTurn, toolUseTurn } from '../support/anthropic-stub/script.js';
import { eventually } from '../support/browser.js';
import { signedInBrowser, WEB_INDEX } from '../support/browser-session.js';
import { claudeCliHarness, type ClaudeCliHarness } from '../support/claude-cli-harness.js';
import { teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const EMPLOYEE = 'emp_401';

/** The harness and a directory for the files the agent's commands write. */
type Setup = ClaudeCliHarness & { out: TempDir };

async function setUp(extraEnv: Record<string, string>): Promise<Setup> {
  const harness = await claudeCliHarness({
    team: teamRegistry([teamMember(EMPLOYEE, { maxConcurrentTasks: 1, runtimeConfig: { runtime: 'claude-code', maxTurns: 5, permissionMode: 'default' } })]),
    env: { NODE_ID: 'e2e-approvals', AGENT_WALL_TIMEOUT: '3m', ...extraEnv },
  });
  return { ...harness, out: await makeTempDir('dash-approvals-out-') };
}

async function tearDown(s: Setup | undefined): Promise<void> {
  if (!s) return;
  const exit = await s.close();
  await s.out.cleanup();
  expect(exit).toEqual({ code: 0, signal: null });
}

const createTask = (s: Setup, title: string): Promise<Task> =>
  s.api('POST', '/api/tasks', { title, description: `${title}.`, assignee: EMPLOYEE }, (v) => taskSchema.parse(v), 201);

const getTask = (s: Setup, id: string): Promise<Task> => s.api('GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));

const finished = (s: Setup, id: string): Promise<Task> =>
  s.until(`task ${id} to finish`, async () => {
    const t = await getTask(s, id);
    return ['completed', 'failed', 'cancelled', 'blocked'].includes(t.status) ? t : null;
  });

const runIdOf = (s: Setup, taskId: string): Promise<string> => s.until('the run to start', async () => (await getTask(s, taskId)).lastRunId);

const requestsOf = async (s: Setup, runId: string): Promise<InputRequest[]> =>
  (await s.api('GET', `/api/bridge/runs/${runId}/input-requests`, undefined, (v) => inputRequestList.parse(v))).items;

const pendingApproval = (s: Setup, runId: string): Promise<InputRequest> =>
  s.until('the pending tool approval', async () => (await requestsOf(s, runId)).find((r) => r.kind === 'tool_approval' && r.status === 'pending') ?? null);

describe('tool approvals: the real Claude Code CLI asks a manager through --permission-prompt-tool', () => {
  let s: Setup;

  beforeAll(async () => {
    s = await setUp({});
  }, 60_000);

  afterAll(async () => {
    await tearDown(s);
  }, 60_000);

  it('runs the tool once a manager allows it', async () => {
    const file = join(s.out.path, 'approved.txt');
    const command = `echo approved-by-manager > ${file}`;
    s.stub.setScript({ turns: [toolUseTurn('Bash', { command, description: 'Write the marker file' }, { id: 'toolu_approve_1' }), textTurn('Done.')] });
    const created = await createTask(s, 'Write the approved marker');
    const runId = await runIdOf(s, created.id);
    const approval = await pendingApproval(s, runId);
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

    const decided = await s.api('POST', `/api/bridge/runs/${runId}/input-requests/${approval.id}/decision`, { decision: 'allow' }, (v) => v as InputRequest);
    expect(decided).toMatchObject({ status: 'answered', decision: 'allow' });

    const task = await finished(s, created.id);
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
    const created = await createTask(s, 'Write the denied marker');
    const runId = await runIdOf(s, created.id);
    const approval = await pendingApproval(s, runId);
    await s.api('POST', `/api/bridge/runs/${runId}/input-requests/${approval.id}/decision`, { decision: 'deny', message: 'Not on the shared disk, please.' }, (v) => v as InputRequest);

    const task = await finished(s, created.id);
    expect(task.status).toBe('completed');
    expect(existsSync(file)).toBe(false);
    const results = toolResultsOf(s.stub.mainRequests().at(-1)!);
    expect(results).toEqual([expect.objectContaining({ toolUseId: 'toolu_deny_1', isError: true })]);
    expect(results[0]!.text).toContain('Not on the shared disk, please.');
    expect((await requestsOf(s, runId))[0]).toMatchObject({ status: 'answered', decision: 'deny', answer: 'Not on the shared disk, please.' });
  });
  it('is approved from the run page in a browser', async () => {
    expect(existsSync(WEB_INDEX), `${WEB_INDEX} is missing: build the web app first (npm run build -w @dash/web)`).toBe(true);
    const file = join(s.out.path, 'approved-in-browser.txt');
    const command = `echo clicked > ${file}`;
    s.stub.setScript({ turns: [toolUseTurn('Bash', { command, description: 'Write a file' }, { id: 'toolu_browser_1' }), textTurn('Done.')] });
    const created = await createTask(s, 'Approve in the browser');
    const runId = await runIdOf(s, created.id);
    await pendingApproval(s, runId);

    const { browser, page } = await signedInBrowser(s.server, { tokenHeaders: true });
    try {
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
    const task = await finished(s, created.id);
    expect(task.status).toBe('completed');
    expect((await readFile(file, 'utf8')).trim()).toBe('clicked');
    expect((await requestsOf(s, runId))[0]).toMatchObject({ status: 'answered', decision: 'allow' });
  }, 120_000);
});

describe('tool approvals: nobody decides in time', () => {
  let s: Setup;

  beforeAll(async () => {
    s = await setUp({ BRIDGE_APPROVAL_TIMEOUT: '1s' });
  }, 60_000);

  afterAll(async () => {
    await tearDown(s);
  }, 60_000);

  it('denies the tool use when BRIDGE_APPROVAL_TIMEOUT passes', async () => {
    const file = join(s.out.path, 'expired.txt');
    s.stub.setScript({ turns: [toolUseTurn('Bash', { command: `echo late > ${file}`, description: 'Write a file' }, { id: 'toolu_expire_1' }), textTurn('Nobody approved; stopping.')] });
    const created = await createTask(s, 'Write the expired marker');
    const task = await finished(s, created.id);
    expect(task.status).toBe('completed');
    expect(existsSync(file)).toBe(false);
    const runId = task.lastRunId!;
    expect(await requestsOf(s, runId)).toEqual([expect.objectContaining({ kind: 'tool_approval', status: 'expired', decision: null })]);
    const results = toolResultsOf(s.stub.mainRequests().at(-1)!);
    expect(results).toEqual([expect.objectContaining({ toolUseId: 'toolu_expire_1', isError: true })]);
    expect(results[0]!.text).toContain('Nobody approved this tool use in time.');
  });
});
