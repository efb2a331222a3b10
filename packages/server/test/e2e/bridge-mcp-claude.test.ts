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
import { inputRequestList, memoryList, run as runSchema, runList, task as taskSchema, type InputRequest, type Run, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolResultsOf } from '../support/anthropic-stub/inspect.js';
import { textTurn, toolUseTurn } from '../support/anthropic-stub/script.js';
import { claudeCliHarness, type ClaudeCliHarness } from '../support/claude-cli-harness.js';
import { teamMember, teamRegistry } from '../support/core-loop-harness.js';

const EMPLOYEE = 'emp_301';

describe('MCP tools for agents: the real Claude Code CLI against the built server', () => {
  let h: ClaudeCliHarness;

  const getTask = (id: string): Promise<Task> => h.api('GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));
  const until = <T>(what: string, probe: () => Promise<T | null>): Promise<T> => h.until(what, probe, 60_000);
  const finished = (id: string): Promise<Task> =>
    until(`task ${id} to finish`, async () => {
      const t = await getTask(id);
      return ['completed', 'failed', 'cancelled', 'blocked'].includes(t.status) ? t : null;
    });
  const runOf = async (task: Task): Promise<Run> => {
    const runs = await h.api('GET', `/api/tasks/${task.id}/runs`, undefined, (v) => runList.parse(v));
    const first = runs.items[0];
    if (!first) throw new Error(`task ${task.id} has no run`);
    return first;
  };

  beforeAll(async () => {
    h = await claudeCliHarness({
      team: teamRegistry([teamMember(EMPLOYEE, { maxConcurrentTasks: 1, runtimeConfig: { runtime: 'claude-code', maxTurns: 5, permissionMode: 'default' } })]),
      env: { NODE_ID: 'e2e-bridge-claude', AGENT_WALL_TIMEOUT: '2m', LOG_LEVEL: 'debug' },
    });
  }, 60_000);

  afterAll(async () => {
    if (h) expect(await h.close()).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('runs mcp__dashboard__memory_store through the CLI and the memory is in the memory service', async () => {
    const content = 'The staging deploy needs NODE_OPTIONS=--max-old-space-size=4096 or the build runs out of memory.';
    h.stub.setScript({
      turns: [
        toolUseTurn('mcp__dashboard__memory_store', { type: 'knowledge', content, importance: 7, tags: ['deploy', 'staging'] }, { text: 'Saving what I learned.' }),
        textTurn('Stored the deploy note.'),
      ],
    });
    const created = await h.api('POST', '/api/tasks', { title: 'Deploy staging', description: 'Find out why the staging build fails.', assignee: EMPLOYEE }, (v) => taskSchema.parse(v), 201);
    const task = await finished(created.id);
    expect(task.status).toBe('completed');
    const run = await runOf(task);
    expect(run).toMatchObject({ status: 'succeeded', runtime: 'claude-code', employeeId: EMPLOYEE });

    // The model's second turn saw our tool's answer (the CLI hands over the structured content),
    // not an error such as a permission denial.
    const [, second] = h.stub.mainRequests();
    const results = toolResultsOf(second!);
    expect(results).toEqual([expect.objectContaining({ isError: false })]);
    const answer = JSON.parse(results[0]!.text) as { memoryId: string; type: string };

    const memories = await h.api('GET', `/api/memory?employeeId=${EMPLOYEE}`, undefined, (v) => memoryList.parse(v));
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
    h.stub.setScript({
      turns: [
        toolUseTurn('mcp__dashboard__request_human_input', { question: 'Which region should the new bucket live in?' }),
        textTurn('Creating the bucket in the answered region.'),
      ],
    });
    const created = await h.api('POST', '/api/tasks', { title: 'Create a bucket', description: 'Create the storage bucket.', assignee: EMPLOYEE }, (v) => taskSchema.parse(v), 201);
    const running = await until('the run to start', async () => {
      const t = await getTask(created.id);
      return t.lastRunId === null ? null : t.lastRunId;
    });
    const question = await until<InputRequest>('the pending question', async () => {
      const list = await h.api('GET', `/api/bridge/runs/${running}/input-requests`, undefined, (v) => inputRequestList.parse(v));
      return list.items.find((r) => r.status === 'pending') ?? null;
    });
    expect(question).toMatchObject({ runId: running, taskId: created.id, employeeId: EMPLOYEE, question: 'Which region should the new bucket live in?' });
    // While it waits, the run is live (not stuck, not failed).
    expect(runSchema.parse(await (await h.server.api(`/api/runs/${running}`)).json()).status).toBe('running');

    const answered = await h.api('POST', `/api/bridge/runs/${running}/input-requests/${question.id}/answer`, { answer: 'eu-central-1, please.' }, (v) => v as InputRequest);
    expect(answered).toMatchObject({ status: 'answered', answer: 'eu-central-1, please.', answeredBy: expect.stringContaining('DASHBOARD_ADMIN_TOKEN') });

    const task = await finished(created.id);
    expect(task.status).toBe('completed');
    const last = h.stub.mainRequests().at(-1)!;
    const results = toolResultsOf(last);
    expect(results).toEqual([expect.objectContaining({ isError: false })]);
    expect(JSON.parse(results[0]!.text)).toEqual({ status: 'answered', answer: 'eu-central-1, please.', requestId: question.id });

    // A second answer is refused with its code and changes nothing.
    const again = await h.server.api(`/api/bridge/runs/${running}/input-requests/${question.id}/answer`, {
      method: 'POST',
      body: JSON.stringify({ answer: 'us-east-1' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'BRIDGE_INPUT_CLOSED' } });
    const list = await h.api('GET', `/api/bridge/runs/${running}/input-requests`, undefined, (v) => inputRequestList.parse(v));
    expect(list.items).toEqual([expect.objectContaining({ id: question.id, answer: 'eu-central-1, please.' })]);
  });

  it('never writes a run token to the logs', () => {
    expect(h.server.stdout()).toContain('/mcp/runs/');
    expect(h.server.stdout()).not.toMatch(/dmcp_[A-Za-z0-9_-]{10}/);
    expect(h.server.stderr()).not.toMatch(/dmcp_[A-Za-z0-9_-]{10}/);
  });
});
