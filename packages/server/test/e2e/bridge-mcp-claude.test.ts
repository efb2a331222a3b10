/**
 * The API bridge's MCP server with the REAL Claude Code CLI (the dev dependency) against the local
 * Messages API stub, through the BUILT server in embedded mode: a task goes to an employee on the
 * claude-code runtime, the dispatcher spawns `claude` with `--mcp-config` (a run-scoped token in
 * a private file) and the stub scripts the model's tool calls:
 *  - `mcp__dashboard__memory_store`: the CLI calls our MCP endpoint and the memory appears in the
 *    memory service (GET /api/memory), attributed to the employee, run and task;
 *  - `mcp__dashboard__request_human_input`: the run shows a pending question, a person answers
 *    over REST, and the answer reaches the model as the tool result.
 * The run token appears in no log line.
 */
import { existsSync } from 'node:fs';
import { inputRequestList, memoryList, run as runSchema, runList, task as taskSchema, type InputRequest, type Run, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnthropicStub } from '../support/anthropic-stub/anthropic-stub.js';
import { CLAUDE_BIN, claudeCliEnv } from '../support/anthropic-stub/cli-env.js';
import { toolResultsOf } from '../support/anthropic-stub/inspect.js';
import { textTurn, toolUseTurn } from '../support/anthropic-stub/script.js';
import { teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const EMPLOYEE = 'emp_301';

describe('MCP tools for agents: the real Claude Code CLI against the built server', () => {
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
  const until = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== null) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.stdout().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const finished = (id: string): Promise<Task> =>
    until(`task ${id} to finish`, async () => {
      const t = await getTask(id);
      return ['completed', 'failed', 'cancelled', 'blocked'].includes(t.status) ? t : null;
    });
  const runOf = async (task: Task): Promise<Run> => {
    const runs = await api('GET', `/api/tasks/${task.id}/runs`, undefined, (v) => runList.parse(v));
    const first = runs.items[0];
    if (!first) throw new Error(`task ${task.id} has no run`);
    return first;
  };

  beforeAll(async () => {
    expect(existsSync(CLAUDE_BIN), `the Claude Code CLI is missing at ${CLAUDE_BIN}`).toBe(true);
    stub = await AnthropicStub.start();
    home = await makeTempDir('dash-bridge-claude-home-');
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember(EMPLOYEE, { maxConcurrentTasks: 1, runtimeConfig: { runtime: 'claude-code', maxTurns: 5, permissionMode: 'default' } })]));
    server = await startServer({
      env: {
        // The CLI's environment (agents inherit the server's): the stub as API, a private HOME.
        ...claudeCliEnv(stub.url, home.path),
        NODE_ID: 'e2e-bridge-claude',
        AGENT_CLAUDE_BIN: CLAUDE_BIN,
        AGENT_CODEX_BIN: '/nonexistent/codex',
        AGENT_GEMINI_BIN: '/nonexistent/gemini',
        AGENT_MAX_RESTARTS: '0',
        AGENT_WALL_TIMEOUT: '2m',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        DISPATCH_INTERVAL: '200ms',
        MEMORY_EMBEDDINGS: 'hash',
        MEMORY_WRITE_AFTER_RUNS: 'false',
        LOG_LEVEL: 'debug',
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

  it('runs mcp__dashboard__memory_store through the CLI and the memory is in the memory service', async () => {
    const content = 'The staging deploy needs NODE_OPTIONS=--max-old-space-size=4096 or the build runs out of memory.';
    stub.setScript({
      turns: [
        toolUseTurn('mcp__dashboard__memory_store', { type: 'knowledge', content, importance: 7, tags: ['deploy', 'staging'] }, { text: 'Saving what I learned.' }),
        textTurn('Stored the deploy note.'),
      ],
    });
    const created = await api('POST', '/api/tasks', { title: 'Deploy staging', description: 'Find out why the staging build fails.', assignee: EMPLOYEE }, (v) => taskSchema.parse(v), 201);
    const task = await finished(created.id);
    expect(task.status).toBe('completed');
    const run = await runOf(task);
    expect(run).toMatchObject({ status: 'succeeded', runtime: 'claude-code', employeeId: EMPLOYEE });

    // The model's second turn saw our tool's answer (the CLI hands over the structured content),
    // not an error such as a permission denial.
    const [, second] = stub.mainRequests();
    const results = toolResultsOf(second!);
    expect(results).toEqual([expect.objectContaining({ isError: false })]);
    const answer = JSON.parse(results[0]!.text) as { memoryId: string; type: string };

    const memories = await api('GET', `/api/memory?employeeId=${EMPLOYEE}`, undefined, (v) => memoryList.parse(v));
    const stored = memories.items.find((m) => m.content === content);
    expect(stored).toMatchObject({
      employeeId: EMPLOYEE,
      type: 'knowledge',
      importance: 7,
      tags: ['deploy', 'staging'],
      source: { runId: run.id, taskId: task.id },
    });
    expect(answer).toEqual({ memoryId: stored?.id, type: 'knowledge' });
  });

  it('asks a person through mcp__dashboard__request_human_input and hands the answer back to the model', async () => {
    stub.setScript({
      turns: [
        toolUseTurn('mcp__dashboard__request_human_input', { question: 'Which region should the new bucket live in?' }),
        textTurn('Creating the bucket in the answered region.'),
      ],
    });
    const created = await api('POST', '/api/tasks', { title: 'Create a bucket', description: 'Create the storage bucket.', assignee: EMPLOYEE }, (v) => taskSchema.parse(v), 201);
    const running = await until('the run to start', async () => {
      const t = await getTask(created.id);
      return t.lastRunId === null ? null : t.lastRunId;
    });
    const question = await until<InputRequest>('the pending question', async () => {
      const list = await api('GET', `/api/bridge/runs/${running}/input-requests`, undefined, (v) => inputRequestList.parse(v));
      return list.items.find((r) => r.status === 'pending') ?? null;
    });
    expect(question).toMatchObject({ runId: running, taskId: created.id, employeeId: EMPLOYEE, question: 'Which region should the new bucket live in?' });
    // While it waits, the run is live (not stuck, not failed).
    expect(runSchema.parse(await (await server.api(`/api/runs/${running}`)).json()).status).toBe('running');

    const answered = await api('POST', `/api/bridge/runs/${running}/input-requests/${question.id}/answer`, { answer: 'eu-central-1, please.' }, (v) => v as InputRequest);
    expect(answered).toMatchObject({ status: 'answered', answer: 'eu-central-1, please.', answeredBy: expect.stringContaining('DASHBOARD_ADMIN_TOKEN') });

    const task = await finished(created.id);
    expect(task.status).toBe('completed');
    const last = stub.mainRequests().at(-1)!;
    const results = toolResultsOf(last);
    expect(results).toEqual([expect.objectContaining({ isError: false })]);
    expect(JSON.parse(results[0]!.text)).toEqual({ status: 'answered', answer: 'eu-central-1, please.', requestId: question.id });

    // A second answer is refused with its code and changes nothing.
    const again = await server.api(`/api/bridge/runs/${running}/input-requests/${question.id}/answer`, {
      method: 'POST',
      body: JSON.stringify({ answer: 'us-east-1' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'BRIDGE_INPUT_CLOSED' } });
    const list = await api('GET', `/api/bridge/runs/${running}/input-requests`, undefined, (v) => inputRequestList.parse(v));
    expect(list.items).toEqual([expect.objectContaining({ id: question.id, answer: 'eu-central-1, please.' })]);
  });

  it('never writes a run token to the logs', () => {
    expect(server.stdout()).toContain('/mcp/runs/');
    expect(server.stdout()).not.toMatch(/dmcp_[A-Za-z0-9_-]{10}/);
    expect(server.stderr()).not.toMatch(/dmcp_[A-Za-z0-9_-]{10}/);
  });
});
