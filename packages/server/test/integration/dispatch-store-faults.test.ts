/**
 * The dispatcher when a store write fails between "run started" and "task recorded as running"
 * (a PostgreSQL restart under load): the task must not be left queued with its job held forever,
 * nor running with nobody watching its run. The fault is injected at the TaskFlow seam (one
 * failing `move(…, 'running')`) over a real SQLite store, embedded queue and the fake agent.
 */
import type { Task } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { MoveOptions } from '../../src/services/tasks/task-flow.js';
import { fakeScript, makeCoreLoopHarness, type CoreLoopHarness } from '../support/core-loop-harness.js';

let h: CoreLoopHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

type Move = (task: Task, to: Task['status'], options: MoveOptions) => Promise<Task | null>;

/** Makes the next `move(…, 'running')` fail: before its write (`lost`) or after it landed (`landed`). */
function failNextRunningMove(harness: CoreLoopHarness, mode: 'lost' | 'landed'): { failed: () => number } {
  const flow = harness.flow;
  const original = flow.move.bind(flow) as Move;
  let failed = 0;
  (flow as unknown as { move: Move }).move = async (task, to, options) => {
    if (to !== 'running' || failed > 0) return original(task, to, options);
    failed += 1;
    if (mode === 'landed') await original(task, to, options);
    throw new Error('connection terminated (injected store fault)');
  };
  return { failed: () => failed };
}

describe('dispatcher: store fault while recording a started run', () => {
  for (const mode of ['lost', 'landed'] as const) {
    it(`completes the task when the running write is ${mode === 'lost' ? 'lost' : 'applied but reported as failed'}`, async () => {
      h = await makeCoreLoopHarness({ startDispatcher: false, dispatcher: { sweepMs: 600_000 } });
      const fault = failNextRunningMove(h, mode);
      await h.dispatcher.start();
      const created = await h.tasks.create(
        { title: 'Work through a store fault', description: fakeScript('Please.', { steps: [{ sleep: 100 }, { text: 'Done anyway.' }] }) },
        'api',
      );
      const done = await h.waitForTask(created.id, (t) => t.status === 'completed');
      expect(fault.failed()).toBe(1);
      const runs = (await h.tasks.runs(created.id, {})).items;
      // One run, recorded on the task and succeeded: the started run was adopted, not orphaned.
      expect(runs.map((r) => r.status)).toEqual(['succeeded']);
      expect(done.lastRunId).toBe(runs[0]?.id);
      expect(done.attempts).toBe(1);
      await h.dispatcher.idle();
      // The job was completed, not left claimed under a lease renewed forever.
      expect(await h.queue.counts()).toMatchObject({ active: 0, waiting: 0 });
    });
  }
});
