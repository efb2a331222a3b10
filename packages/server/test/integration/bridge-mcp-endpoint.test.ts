/**
 * The MCP endpoint through the whole app in-process (createApp: SQLite store, embedded mode):
 * JSON-RPC over HTTP as an MCP client sends it, with run-scoped tokens minted on the app's store
 * for runs recorded as running (no agent process: the tokens and the tools are under test).
 *
 * The team is paused, so created tasks stay queued and nothing else writes. Covered: initialize
 * and tools/list; each tool for its own run; bad input with stable codes that changes nothing (a
 * token of another run, another run's task, a missing/garbled/expired/revoked token, an ended
 * run, bad arguments, an unknown tool, a role nobody active has).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { apiErrorBody, memoryList, taskCommentList, taskLinks, taskList, task as taskSchema, type Task } from '@dash/shared';
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

const admin = adminTokenEnv();
/** Dashboard API calls (admin token). */
const api = authedFetch(admin.token);

interface RpcReply {
  status: number;
  body: { result?: Record<string, unknown>; error?: { code: number; message: string; data?: Record<string, unknown> } } & Record<string, unknown>;
}

describe('MCP endpoint (/mcp/runs/:runId) with run-scoped tokens', () => {
  let app: App;
  let url: string;
  let registry: RegistryFixture;
  let dataDir: string;
  let tokens: RunTokenService;
  let taskA: Task;
  let taskB: Task;
  const runA = randomUUID();
  const runB = randomUUID();
  let tokenA: string;
  let tokenB: string;
  let rpcId = 0;

  /** Every MCP call of this file goes through here (the run token is its only credential). */
  const mcp = async (runId: string, token: string | null, method: string, params?: Record<string, unknown>, id: number | null = ++rpcId): Promise<RpcReply> => {
    const res = await fetch(`${url}/mcp/runs/${runId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...(token !== null && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ jsonrpc: '2.0', method, ...(id !== null && { id }), ...(params && { params }) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as RpcReply['body']) };
  };
  const call = async (runId: string, token: string, name: string, args: Record<string, unknown>) => {
    const reply = await mcp(runId, token, 'tools/call', { name, arguments: args });
    expect(reply.status).toBe(200);
    return reply.body.result as { isError: boolean; content: { type: string; text: string }[]; structuredContent: Record<string, unknown> };
  };
  const json = async <T>(path: string, parse: (v: unknown) => T): Promise<T> => {
    const res = await api(`${url}${path}`);
    expect(res.status, path).toBe(200);
    return parse(await res.json());
  };
  const allTasks = () => json('/api/tasks?limit=200', (v) => taskList.parse(v).items);
  const commentsOf = (id: string) => json(`/api/tasks/${id}/comments`, (v) => taskCommentList.parse(v).items);

  const recordRunningRun = async (id: string, task: Task, employeeId: string): Promise<void> => {
    const runs = app.store().runs;
    await runs.create({ id, taskId: task.id, employeeId, runtime: 'claude-code', model: null, cwd: dataDir, resumeOf: null, nodeId: 'elsewhere', createdAt: systemClock.isoNow() });
    await runs.transition(id, ['queued'], { status: 'running', startedAt: systemClock.isoNow() });
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dash-mcp-'));
    registry = await makeRegistryFixture();
    await registry.write(
      teamRegistry([
        teamMember('emp_401', { status: 'paused' }),
        teamMember('emp_402', { status: 'paused', role: 'qa_engineer', skills: ['testing'], promptFile: 'qa-engineer.md' }),
      ]),
    );
    const loaded = loadConfig({
      DATA_DIR: dataDir,
      SERVE_WEB: 'false',
      NODE_ID: 'mcp-endpoint',
      AGENT_CLAUDE_BIN: FAKE_AGENT,
      AGENT_CODEX_BIN: '/nonexistent/codex',
      EMPLOYEE_REGISTRY_DIR: registry.path,
      MEMORY_EMBEDDINGS: 'hash',
      ...admin.env,
    });
    if (!loaded.ok) throw new Error(formatConfigIssues(loaded.issues));
    app = createApp({ ...loaded.config, http: { host: '127.0.0.1', port: 0 } }, { logger: createLogger({ level: 'silent', nodeId: 'mcp-endpoint' }) });
    url = (await app.start()).url;

    const create = async (title: string): Promise<Task> => {
      const res = await api(`${url}/api/tasks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title, description: `${title}.`, assignee: 'emp_401' }) });
      expect(res.status).toBe(201);
      return taskSchema.parse(await res.json());
    };
    taskA = await create('Task A');
    taskB = await create('Task B');
    await recordRunningRun(runA, taskA, 'emp_401');
    await recordRunningRun(runB, taskB, 'emp_402');
    tokens = new RunTokenService({ tokens: new KyselyRunTokenRepository(storeDatabaseOf(app.store()).db), runs: app.store().runs, clock: systemClock });
    tokenA = await tokens.mint({ runId: runA, employeeId: 'emp_401', taskId: taskA.id }, 3_600_000);
    tokenB = await tokens.mint({ runId: runB, employeeId: 'emp_402', taskId: taskB.id }, 3_600_000);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await registry?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('initializes, lists the six tools with JSON Schemas, and acknowledges notifications', async () => {
    const init = await mcp(runA, tokenA, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } });
    expect(init.status).toBe(200);
    expect(init.body.result).toMatchObject({ protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'multi-agent-dashboard' } });
    expect((await mcp(runA, tokenA, 'notifications/initialized', undefined, null)).status).toBe(202);
    const list = await mcp(runA, tokenA, 'tools/list');
    const tools = (list.body.result?.tools ?? []) as { name: string; inputSchema: { type: string; required?: string[] } }[];
    expect(tools.map((t) => t.name)).toEqual(['memory_search', 'memory_store', 'create_subtask', 'add_comment', 'request_human_input', 'approve_tool_use']);
    expect(tools.find((t) => t.name === 'memory_store')?.inputSchema).toMatchObject({ type: 'object', required: ['type', 'content'] });
    expect((await mcp(runA, tokenA, 'resources/list')).body.error).toMatchObject({ code: -32601 });
    const get = await fetch(`${url}/mcp/runs/${runA}`, { headers: { authorization: `Bearer ${tokenA}` } });
    expect(get.status).toBe(405);
  });

  it('stores and finds memories as the run\'s employee, with the run and task as source', async () => {
    const stored = await call(runA, tokenA, 'memory_store', { type: 'decision', content: 'We keep the queue embedded until 50 workers.', tags: ['queue'] });
    expect(stored.isError).toBe(false);
    const memories = await json('/api/memory?employeeId=emp_401', (v) => memoryList.parse(v).items);
    expect(memories).toEqual([expect.objectContaining({ id: stored.structuredContent.memoryId, type: 'decision', source: { runId: runA, taskId: taskA.id } })]);
    const found = await call(runA, tokenA, 'memory_search', { query: 'embedded queue workers' });
    expect(found.structuredContent.results).toEqual([expect.objectContaining({ id: stored.structuredContent.memoryId })]);
    // Private memories stay private: run B acts for emp_402.
    expect((await call(runB, tokenB, 'memory_search', { query: 'embedded queue workers' })).structuredContent.results).toEqual([]);
  });

  it('comments on its own task and creates linked subtasks for an employee', async () => {
    const comment = await call(runA, tokenA, 'add_comment', { body: 'Halfway: the parser is done.' });
    expect(comment.isError).toBe(false);
    expect(await commentsOf(taskA.id)).toEqual([expect.objectContaining({ body: 'Halfway: the parser is done.', author: 'agent:emp_401' })]);

    const sub = await call(runA, tokenA, 'create_subtask', { title: 'Write parser tests', description: 'Cover the edge cases.', assignee: 'emp_402', priority: 'high' });
    expect(sub.isError).toBe(false);
    const child = taskSchema.parse(await (await api(`${url}/api/tasks/${String(sub.structuredContent.taskId)}`)).json());
    expect(child).toMatchObject({ title: 'Write parser tests', assignee: 'emp_402', priority: 'high', createdBy: 'agent:emp_401', status: 'queued' });
    const links = await json(`/api/bridge/tasks/${taskA.id}/links`, (v) => taskLinks.parse(v));
    expect(links).toEqual({ parent: null, children: [expect.objectContaining({ childTaskId: child.id, parentTaskId: taskA.id, runId: runA, employeeId: 'emp_401' })] });
    expect((await json(`/api/bridge/tasks/${child.id}/links`, (v) => taskLinks.parse(v))).parent).toMatchObject({ parentTaskId: taskA.id });
  });

  it('refuses a token of another run: 403 MCP_TOKEN_RUN_MISMATCH, nothing created', async () => {
    const before = await allTasks();
    const reply = await mcp(runA, tokenB, 'tools/call', { name: 'create_subtask', arguments: { title: 'Sneaky', description: 'Not mine.' } });
    expect(reply.status).toBe(403);
    expect(apiErrorBody.parse(reply.body).error).toMatchObject({ code: 'MCP_TOKEN_RUN_MISMATCH' });
    expect(await allTasks()).toEqual(before);
  });

  it('refuses to act on another run\'s task: MCP_TOKEN_SCOPE naming the field, nothing changed', async () => {
    const before = await allTasks();
    const sub = await call(runB, tokenB, 'create_subtask', { title: 'Sneaky', description: 'Not mine.', parentTaskId: taskA.id });
    expect(sub.isError).toBe(true);
    expect(sub.content[0]?.text).toMatch(/^MCP_TOKEN_SCOPE: /);
    expect(sub.structuredContent.error).toMatchObject({ code: 'MCP_TOKEN_SCOPE', status: 403, fields: [{ path: 'arguments.parentTaskId', message: expect.any(String) }] });
    const comment = await call(runB, tokenB, 'add_comment', { body: 'Sneaky', taskId: taskA.id });
    expect(comment.structuredContent.error).toMatchObject({ code: 'MCP_TOKEN_SCOPE' });
    expect(await allTasks()).toEqual(before);
    expect(await commentsOf(taskA.id)).toHaveLength(1);
    expect((await json(`/api/bridge/tasks/${taskA.id}/links`, (v) => taskLinks.parse(v))).children).toHaveLength(1);
  });

  it('answers bad tokens with stable codes', async () => {
    const codeOf = async (runId: string, token: string | null) => {
      const reply = await mcp(runId, token, 'tools/list');
      return [reply.status, apiErrorBody.parse(reply.body).error.code];
    };
    expect(await codeOf(runA, null)).toEqual([401, 'MCP_TOKEN_MISSING']);
    expect(await codeOf(runA, 'not-a-token')).toEqual([401, 'MCP_TOKEN_INVALID']);
    expect(await codeOf(runA, `dmcp_${'A'.repeat(43)}`)).toEqual([401, 'MCP_TOKEN_INVALID']);
    const expired = await tokens.mint({ runId: runA, employeeId: 'emp_401', taskId: taskA.id }, -1_000);
    expect(await codeOf(runA, expired)).toEqual([403, 'MCP_TOKEN_EXPIRED']);
    // A user's API token is no run token.
    expect(await codeOf(runA, admin.token)).toEqual([401, 'MCP_TOKEN_INVALID']);
  });

  it('refuses bad arguments, unknown tools and unstaffed roles without changing anything', async () => {
    const before = await allTasks();
    const bad = await call(runA, tokenA, 'create_subtask', { title: '', description: 'x', assignee: 'emp_402', role: 'qa_engineer' });
    expect(bad.structuredContent.error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect((bad.structuredContent.error as { fields: { path: string }[] }).fields.map((f) => f.path).sort()).toEqual(['arguments.role', 'arguments.title']);
    const unstaffed = await call(runA, tokenA, 'create_subtask', { title: 'QA pass', description: 'Test it.', role: 'qa_engineer' });
    expect(unstaffed.structuredContent.error).toMatchObject({ code: 'BRIDGE_ROLE_UNSTAFFED', status: 422, fields: [{ path: 'arguments.role' }] });
    const unknown = await mcp(runA, tokenA, 'tools/call', { name: 'rm_rf', arguments: {} });
    expect(unknown.body.error).toMatchObject({ code: -32602, data: { code: 'MCP_TOOL_UNKNOWN' } });
    expect(await allTasks()).toEqual(before);
  });

  it('stops accepting the tokens of a revoked run and of an ended run', async () => {
    await tokens.revoke(runA);
    const revoked = await mcp(runA, tokenA, 'tools/list');
    expect([revoked.status, apiErrorBody.parse(revoked.body).error.code]).toEqual([403, 'MCP_TOKEN_EXPIRED']);
    await app.store().runs.transition(runB, ['running'], { status: 'succeeded', endedAt: systemClock.isoNow() });
    const ended = await mcp(runB, tokenB, 'tools/list');
    expect([ended.status, apiErrorBody.parse(ended.body).error.code]).toEqual([403, 'MCP_TOKEN_EXPIRED']);
  });
});
