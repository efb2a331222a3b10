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
import { dispatchGateStatus, runList, task as taskSchema, taskTimeline, type DispatchGateStatus, type Run, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitedTurn, textTurn } from '../support/anthropic-stub/script.js';
import { claudeCliHarness, type ClaudeCliHarness } from '../support/claude-cli-harness.js';
import { teamMember, teamRegistry } from '../support/core-loop-harness.js';

const EMPLOYEE = 'emp_451';
const BACKOFF_MS = 3000;

describe('rate-limit pause with the real Claude Code CLI against the built server', () => {
  let h: ClaudeCliHarness;

  const getTask = (id: string): Promise<Task> => h.api('GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));
  const gate = (): Promise<DispatchGateStatus> => h.api('GET', '/api/dispatch/gate', undefined, (v) => dispatchGateStatus.parse(v));
  const runsOf = async (id: string): Promise<Run[]> =>
    (await h.api('GET', `/api/tasks/${id}/runs`, undefined, (v) => runList.parse(v))).items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const until = <T>(what: string, probe: () => Promise<T | null>): Promise<T> => h.until(what, probe, 90_000, 50);

  beforeAll(async () => {
    h = await claudeCliHarness({
      team: teamRegistry([teamMember(EMPLOYEE, { runtimeConfig: { runtime: 'claude-code', maxTurns: 5 } })]),
      env: {
        // The CLI's own retries would hide the 429 from us (it honours retry-after, 10 times by default).
        CLAUDE_CODE_MAX_RETRIES: '0',
        NODE_ID: 'e2e-rate-limit-claude',
        AGENT_WALL_TIMEOUT: '2m',
        RATE_LIMIT_BACKOFF: `${BACKOFF_MS}ms`,
      },
    });
  }, 60_000);

  afterAll(async () => {
    if (h) expect(await h.close()).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('pauses dispatch after a 429, requeues the task without counting the attempt, and resumes after the pause', async () => {
    h.stub.setScript({ turns: [rateLimitedTurn({ retryAfterSeconds: 30 }), textTurn('Done after the pause.')] });
    const created = await h.api('POST', '/api/tasks', { title: 'Limited', description: 'Say hello.', assignee: EMPLOYEE }, (v) => taskSchema.parse(v), 201);

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
    const timeline = (await h.api('GET', `/api/tasks/${created.id}/timeline`, undefined, (v) => taskTimeline.parse(v))).items;
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
    expect(h.stub.mainRequests().map((r) => r.status)).toEqual([429, 200]);
    expect((await gate()).pauses).toEqual([]);
  });
});
