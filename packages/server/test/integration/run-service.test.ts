/**
 * The run service end to end below HTTP: real SQLite store, real supervisor and runners, the fake
 * agent standing in for `claude`. Every event must reach the store in order, live subscribers must
 * see each exactly once, and nothing may be left "running".
 */
import { spawn } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunEvent } from '@dash/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/app-error.js';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { makeRunHarness, scripted, type RunHarness } from '../support/run-harness.js';

let h: RunHarness;
beforeEach(async () => {
  h = await makeRunHarness();
});
afterEach(async () => {
  await h.close();
});

async function storedEvents(runId: string): Promise<RunEvent[]> {
  return h.store.runEvents.page(runId, { afterSeq: 0, limit: 100_000 });
}

const expectCode = async (p: Promise<unknown>, code: string): Promise<void> => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
};

describe('RunService', () => {
  it('runs an agent to success and stores every event in order with usage and session', async () => {
    const run = await h.runService.start({
      runtime: 'claude-code',
      prompt: scripted('write the report', {
        sessionId: 'sess-42',
        steps: [{ text: 'starting' }, { tool: { name: 'Write', input: { file_path: 'a.txt' }, output: 'ok' } }, { emit: { count: 50 } }],
      }),
    });
    expect(run.status).toBe('starting');
    const done = await h.runService.waitFor(run.id);
    expect(done.status).toBe('succeeded');
    expect(done.sessionId).toBe('sess-42');
    expect(done.exitCode).toBe(0);
    expect(done.usage.costUsd).toBeGreaterThan(0);
    expect(done.cwd.startsWith(h.root)).toBe(true);

    const events = await storedEvents(run.id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const types = events.map((e) => e.event.type);
    expect(types[0]).toBe('supervisor');
    expect(types).toContain('session.started');
    expect(types).toContain('tool.call');
    expect(types).toContain('tool.result');
    expect(types.filter((t) => t === 'assistant.text').length).toBeGreaterThanOrEqual(51);
    expect(types.slice(-2)).toEqual(['result', 'exit']);
    const stored = await h.store.runs.get(run.id);
    expect(stored?.eventCount).toBe(events.length);
  });

  it('stores every event of many concurrent runs in order (group commit across runs)', async () => {
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        h.runService.start({ runtime: 'claude-code', prompt: scripted(`run ${i}`, { steps: [{ emit: { count: 200, rate: 1000 } }] }) }),
      ),
    );
    const done = await Promise.all(runs.map((r) => h.runService.waitFor(r.id)));
    for (const run of done) {
      expect(run.status).toBe('succeeded');
      const events = await storedEvents(run.id);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.filter((e) => e.event.type === 'assistant.text')).toHaveLength(200);
      expect(run.eventCount).toBe(events.length);
    }
  });

  it('delivers history then live events exactly once to a subscriber that joins mid-run', async () => {
    const run = await h.runService.start({
      runtime: 'claude-code',
      prompt: scripted('stream', { steps: [{ emit: { count: 400, rate: 2000 } }] }),
    });
    await new Promise((r) => setTimeout(r, 80));
    const seen: number[] = [];
    const unsubscribe = await h.eventLog.subscribe(run.id, 0, (e) => seen.push(e.seq));
    await h.runService.waitFor(run.id);
    unsubscribe();
    const stored = await storedEvents(run.id);
    expect(seen).toEqual(stored.map((e) => e.seq));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('resumes a subscription from a sequence number with no gap and no duplicate', async () => {
    const run = await h.runService.start({
      runtime: 'claude-code',
      prompt: scripted('stream', { steps: [{ emit: { count: 300, rate: 3000 } }] }),
    });
    const first: number[] = [];
    const stop1 = await h.eventLog.subscribe(run.id, 0, (e) => first.push(e.seq));
    await new Promise((r) => setTimeout(r, 50));
    stop1();
    const last = first[first.length - 1] ?? 0;
    const second: number[] = [];
    const stop2 = await h.eventLog.subscribe(run.id, last, (e) => second.push(e.seq));
    await h.runService.waitFor(run.id);
    stop2();
    const all = [...first, ...second];
    const stored = await storedEvents(run.id);
    expect(all).toEqual(stored.map((e) => e.seq));
  });

  it('stops a hanging agent on request, without restarting it', async () => {
    const run = await h.runService.start({
      runtime: 'claude-code',
      prompt: scripted('hang', { steps: [{ text: 'about to hang' }, { hang: true }], ignoreSignals: ['SIGINT'] }),
      limits: { maxRestarts: 3 },
    });
    await waitForEvent(run.id, (e) => e.event.type === 'assistant.text');
    const stopped = await h.runService.stop(run.id);
    expect(stopped.status).toBe('cancelled');
    expect(stopped.restarts).toBe(0);
    const events = await storedEvents(run.id);
    const actions = events.flatMap((e) => (e.event.type === 'supervisor' ? [e.event.action] : []));
    expect(actions).toContain('stop_requested');
    expect(actions).not.toContain('restart_scheduled');
    expect(h.supervisor.activeCount()).toBe(0);
  });

  it('sends a follow-up to a running agent and resumes a finished session as a new run', async () => {
    const run = await h.runService.start({
      runtime: 'claude-code',
      prompt: scripted('slow first turn', { sessionId: 'sess-f', steps: [{ sleep: 400 }, { text: 'first done' }] }),
    });
    const followed = await h.runService.followUp(run.id, 'and another thing');
    expect(followed.mode).toBe('stdin');
    const done = await h.runService.waitFor(run.id);
    expect(done.status).toBe('succeeded');
    const texts = (await storedEvents(run.id)).flatMap((e) => (e.event.type === 'assistant.text' ? [e.event.text] : []));
    expect(texts).toContain('echo: and another thing');

    const resumed = await h.runService.followUp(run.id, 'next step please');
    expect(resumed.mode).toBe('resumed');
    expect(resumed.run.resumeOf).toBe(run.id);
    expect(resumed.run.id).not.toBe(run.id);
    const end = await h.runService.waitFor(resumed.run.id);
    expect(end.status).toBe('succeeded');
  });

  it('refuses a follow-up to a finished run that has no session', async () => {
    const run = await h.runService.start({
      runtime: 'shell',
      prompt: 'ignored',
      command: ['node', '-e', 'console.log("done")'],
    });
    const done = await h.runService.waitFor(run.id);
    expect(done.status).toBe('succeeded');
    expect(done.sessionId).toBeNull();
    await expectCode(h.runService.followUp(run.id, 'more'), 'RUN_NO_SESSION');
  });

  it('rejects bad input with a stable code and spawns or stores nothing', async () => {
    await expectCode(h.runService.start({ runtime: 'cursor', prompt: 'x' }), 'RUNTIME_UNKNOWN');
    await expectCode(h.runService.start({ runtime: 'codex', prompt: 'x' }), 'RUNTIME_NOT_INSTALLED');
    await expectCode(h.runService.start({ runtime: 'claude-code', prompt: 'x', cwd: '/etc' }), 'WORKDIR_OUTSIDE_ROOTS');
    await expectCode(h.runService.start({ runtime: 'claude-code', prompt: 'x', cwd: '../../..' }), 'WORKDIR_OUTSIDE_ROOTS');
    await mkdir(h.root, { recursive: true });
    await symlink('/tmp', join(h.root, 'escape'));
    await expectCode(h.runService.start({ runtime: 'claude-code', prompt: 'x', cwd: 'escape' }), 'WORKDIR_OUTSIDE_ROOTS');
    await expectCode(h.runService.start({ runtime: 'claude-code', prompt: 'x', cwd: 'missing-dir' }), 'WORKDIR_NOT_FOUND');
    const { items } = await h.store.runs.list({ limit: 10 });
    expect(items).toEqual([]);
    expect(h.supervisor.activeCount()).toBe(0);
  });

  it('reconciles a run left running by a crashed server: kills its orphan and marks it lost', async () => {
    const run = await h.store.runs.create({
      id: 'orphan-run',
      taskId: null,
      employeeId: null,
      runtime: 'claude-code',
      model: null,
      cwd: h.root,
      resumeOf: null,
      nodeId: 'test-node',
      createdAt: new Date().toISOString(),
    });
    // An agent process a previous server spawned (own group, DASH_RUN_ID set) and then lost.
    const orphan = spawn(process.execPath, [FAKE_AGENT, '--script', JSON.stringify({ steps: [{ hang: true }] })], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { ...process.env, DASH_RUN_ID: run.id },
    });
    orphan.stdin.write('{"type":"user","message":{"role":"user","content":"x"}}\n');
    const exited = new Promise((resolve) => orphan.once('exit', resolve));
    await h.store.runs.transition(run.id, ['queued'], { status: 'running', pid: orphan.pid ?? null });
    // Another, unrelated process must not be touched even if its pid were recorded.
    const lost = await h.runService.reconcile();
    expect(lost.map((r) => r.id)).toEqual([run.id]);
    await exited;
    const after = await h.store.runs.get(run.id);
    expect(after?.status).toBe('lost');
    expect(after?.endedAt).not.toBeNull();
    const events = await storedEvents(run.id);
    expect(events.at(-1)?.event).toMatchObject({ type: 'supervisor', action: 'lost' });
    expect(await h.store.runs.listActive()).toEqual([]);
  });

  it('caps the stored log: control events kept, output summarized, the cut recorded', async () => {
    await h.close();
    h = await makeRunHarness({ eventLog: { capBytes: 20_000 } });
    const run = await h.runService.start({
      runtime: 'claude-code',
      prompt: scripted('flood', { steps: [{ emit: { count: 2000, bytes: 200 } }] }),
    });
    const done = await h.runService.waitFor(run.id);
    expect(done.status).toBe('succeeded');
    const events = await storedEvents(run.id);
    const types = events.map((e) => e.event.type);
    expect(types).toContain('log.truncated');
    expect(done.logTruncated).toBe(true);
    expect((await h.store.runs.get(run.id))?.logTruncated).toBe(true);
    expect(types).toContain('log.summary');
    expect(types.slice(-2)).toEqual(['result', 'exit']);
    const dropped = events.reduce((n, e) => n + (e.event.type === 'log.summary' ? e.event.droppedEvents : 0), 0);
    const kept = types.filter((t) => t === 'assistant.text').length;
    expect(kept + dropped).toBeGreaterThanOrEqual(2000);
    expect(done.eventBytes).toBeLessThan(40_000);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });
});

async function waitForEvent(runId: string, predicate: (e: RunEvent) => boolean, timeoutMs = 10_000): Promise<RunEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('event not seen in time')), timeoutMs);
    void h.eventLog.subscribe(runId, 0, (e) => {
      if (predicate(e)) {
        clearTimeout(timer);
        resolve(e);
      }
    });
  });
}
