/**
 * The task service on SQLite without a running dispatcher (so statuses stay where the service
 * puts them): validation, initial status from dependencies, edits and their rules, cancel,
 * delete, the review loop, comments, timeline, list filters, bus messages and stats. Every
 * refused request is checked to have changed nothing.
 */
import type { Task } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/app-error.js';
import { makeCoreLoopHarness, teamMember, type CoreLoopHarness } from '../support/core-loop-harness.js';

let h: CoreLoopHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function harness(): Promise<CoreLoopHarness> {
  h = await makeCoreLoopHarness({
    startDispatcher: false,
    team: [teamMember('emp_101'), teamMember('emp_102', { status: 'paused' }), teamMember('emp_103', { status: 'offline' })],
  });
  return h;
}

/** The AppError a call throws (fails the test when it does not throw one). */
async function refusal(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the call to be refused');
}

/** Moves a task along as the dispatcher would (queued → running → completed). */
async function complete(harness: CoreLoopHarness, task: Task): Promise<Task> {
  const running = await harness.flow.move(task, 'running', { actor: 'dispatcher', patch: { attempts: 1, assignedTo: 'emp_101' } });
  const done = await harness.flow.move(running!, 'completed', { actor: 'dispatcher', reason: 'Its run succeeded' });
  await harness.flow.releaseDependents(task.id, 'dispatcher');
  return done!;
}

const create = (harness: CoreLoopHarness, body: Record<string, unknown>): Promise<Task> =>
  harness.tasks.create({ description: 'Do it', ...body }, 'api');

describe('task service (SQLite)', () => {
  it('validates input: fields at fault, assignees that exist and are not offline, dependencies that exist', async () => {
    const s = await harness();
    const bad = await refusal(s.tasks.create({ title: '', description: 'x', priority: 'asap', status: 'completed' }, 'api'));
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.fields?.map((f) => f.path).sort()).toEqual(['body', 'body.priority', 'body.title']);
    const skill = await refusal(create(s, { title: 'T', requiredSkills: ['coding'] }));
    expect(skill.fields?.[0]?.path).toBe('body.requiredSkills.0');
    expect((await refusal(create(s, { title: 'T', assignee: 'emp_999' }))).fields).toEqual([
      { path: 'body.assignee', message: 'no employee emp_999 in the registry' },
    ]);
    expect((await refusal(create(s, { title: 'T', assignee: 'emp_103' }))).code).toBe('VALIDATION_FAILED');
    const missing = await refusal(create(s, { title: 'T', dependsOn: ['nope'] }));
    expect(missing).toMatchObject({ code: 'TASK_DEPENDENCY_NOT_FOUND', details: { missing: ['nope'] } });
    expect((await s.tasks.list({})).items).toEqual([]);

    const paused = await create(s, { title: 'For the paused one', assignee: 'emp_102' });
    expect(paused).toMatchObject({ status: 'queued', assignee: 'emp_102', createdBy: 'api', attempts: 0, version: 1 });
  });

  it('creates a task queued, pending or blocked from its dependencies', async () => {
    const s = await harness();
    const a = await create(s, { title: 'A' });
    const b = await create(s, { title: 'B', dependsOn: [a.id] });
    expect([a.status, b.status]).toEqual(['queued', 'pending']);
    await complete(s, a);
    expect((await s.tasks.get(b.id)).status).toBe('queued');
    const c = await create(s, { title: 'C', dependsOn: [a.id] });
    expect(c.status).toBe('queued');
    const x = await create(s, { title: 'X' });
    await s.tasks.cancel(x.id, {}, 'api');
    const y = await create(s, { title: 'Y', dependsOn: [x.id] });
    expect(y).toMatchObject({ status: 'blocked', blockedReason: `Dependency ${x.id} was cancelled` });
    expect((await s.tasks.timeline(y.id))[0]).toMatchObject({ from: null, to: 'blocked', actor: 'api' });
  });

  it('edits allow-listed fields with the version read; refuses stale versions, locked fields and cycles', async () => {
    const s = await harness();
    const a = await create(s, { title: 'A' });
    const b = await create(s, { title: 'B', dependsOn: [a.id] });
    const edited = await s.tasks.update(a.id, { version: a.version, title: 'A2', priority: 'urgent', labels: ['api'] }, 'api');
    expect(edited).toMatchObject({ title: 'A2', priority: 'urgent', labels: ['api'], version: a.version + 1 });

    const stale = await refusal(s.tasks.update(a.id, { version: a.version, title: 'A3' }, 'api'));
    expect(stale).toMatchObject({ code: 'TASK_VERSION_CONFLICT', details: { expectedVersion: a.version, actualVersion: edited.version } });
    const cycle = await refusal(s.tasks.update(a.id, { version: edited.version, dependsOn: [b.id] }, 'api'));
    expect(cycle).toMatchObject({ code: 'TASK_DEPENDENCY_CYCLE', details: { cycle: [a.id, b.id, a.id] } });
    const serverOwned = await refusal(s.tasks.update(a.id, { version: edited.version, status: 'completed' }, 'api'));
    expect(serverOwned.code).toBe('VALIDATION_FAILED');
    expect(await s.tasks.get(a.id)).toEqual(edited);

    // Dropping B's only dependency makes it ready at once.
    const freed = await s.tasks.update(b.id, { version: b.version, dependsOn: [] }, 'api');
    expect(freed.status).toBe('queued');
    const running = await s.flow.move(freed, 'running', { actor: 'dispatcher' });
    const locked = await refusal(s.tasks.update(b.id, { version: running!.version, dependsOn: [a.id] }, 'api'));
    expect(locked).toMatchObject({ code: 'TASK_NOT_EDITABLE', details: { field: 'dependsOn', status: 'running' } });
    // Other fields of a running task may change (they apply from the next attempt).
    expect((await s.tasks.update(b.id, { version: running!.version, maxRetries: 5 }, 'api')).maxRetries).toBe(5);
  });

  it('cancels what is not done yet, blocks dependents, and refuses illegal transitions without changing anything', async () => {
    const s = await harness();
    const a = await create(s, { title: 'A' });
    const b = await create(s, { title: 'B', dependsOn: [a.id] });
    const c = await create(s, { title: 'C', dependsOn: [b.id] });
    const cancelled = await s.tasks.cancel(a.id, { reason: 'Changed my mind' }, 'api');
    expect(cancelled.status).toBe('cancelled');
    expect((await s.tasks.get(b.id)).blockedReason).toBe(`Dependency ${a.id} was cancelled`);
    expect((await s.tasks.get(c.id)).blockedReason).toBe(`Dependency ${b.id} is blocked (${a.id} was cancelled)`);
    expect((await s.tasks.timeline(a.id)).at(-1)).toMatchObject({ from: 'queued', to: 'cancelled', actor: 'api', reason: 'Changed my mind' });

    const before = await s.tasks.get(a.id);
    expect(await refusal(s.tasks.cancel(a.id, {}, 'api'))).toMatchObject({ code: 'TASK_ILLEGAL_TRANSITION', details: { from: 'cancelled', to: 'cancelled' } });
    expect(await refusal(s.tasks.resolve(a.id, {}, 'api'))).toMatchObject({ code: 'TASK_ILLEGAL_TRANSITION' });
    expect(await refusal(s.tasks.update(a.id, { version: before.version, title: 'x' }, 'api'))).toMatchObject({ code: 'TASK_NOT_EDITABLE' });
    expect(await s.tasks.get(a.id)).toEqual(before);
    expect(await refusal(s.tasks.cancel('nope', {}, 'api'))).toMatchObject({ code: 'TASK_NOT_FOUND' });
  });

  it('resolves completed tasks and reopens them with a required reason; dependents wait again', async () => {
    const s = await harness();
    const a = await create(s, { title: 'A' });
    const b = await create(s, { title: 'B', dependsOn: [a.id] });
    expect(await refusal(s.tasks.resolve(a.id, {}, 'api'))).toMatchObject({ code: 'TASK_ILLEGAL_TRANSITION', details: { from: 'queued', to: 'resolved' } });
    expect(await refusal(s.tasks.reopen(a.id, { reason: 'x' }, 'api'))).toMatchObject({ code: 'TASK_ILLEGAL_TRANSITION' });
    const done = await complete(s, a);
    expect((await s.tasks.get(b.id)).status).toBe('queued');

    for (const body of [{}, { reason: '   ' }]) {
      expect(await refusal(s.tasks.reopen(a.id, body, 'api'))).toMatchObject({ code: 'TASK_REOPEN_REASON_REQUIRED' });
    }
    expect(await refusal(s.tasks.reopen(a.id, { reason: 'x', reassignTo: 'emp_999' }, 'api'))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await s.tasks.get(a.id)).toEqual(done);

    const reopened = await s.tasks.reopen(a.id, { reason: 'The tests fail', reassignTo: 'emp_102' }, 'api');
    expect(reopened).toMatchObject({ status: 'queued', attempts: 0, assignee: 'emp_102' });
    expect((await s.tasks.timeline(a.id)).slice(-2).map((e) => [e.from, e.to, e.actor, e.reason])).toEqual([
      ['completed', 'reopened', 'api', 'The tests fail'],
      ['reopened', 'queued', 'api', 'Queued again after the reopen'],
    ]);
    expect(await s.tasks.comments(a.id)).toMatchObject([{ kind: 'reopen_reason', author: 'api', body: 'The tests fail' }]);
    // B was queued because A was done; A is not done any more.
    expect((await s.tasks.get(b.id)).status).toBe('pending');

    const again = await complete(s, reopened);
    const resolved = await s.tasks.resolve(a.id, { comment: 'Looks right' }, 'api');
    expect(resolved).toMatchObject({ status: 'resolved' });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(again.status).toBe('completed');
    expect((await s.tasks.comments(a.id)).map((c) => c.kind)).toEqual(['reopen_reason', 'resolution']);
    const reopenedAfterResolve = await s.tasks.reopen(a.id, { reason: 'Regression found' }, 'api');
    expect(reopenedAfterResolve).toMatchObject({ status: 'queued', resolvedAt: null });
  });

  it('deletes a task that is not running and re-evaluates its dependents', async () => {
    const s = await harness();
    const a = await create(s, { title: 'A' });
    const b = await create(s, { title: 'B', dependsOn: [a.id] });
    await s.tasks.addComment(a.id, { body: 'a note' }, 'api');
    const running = await s.flow.move(a, 'running', { actor: 'dispatcher' });
    expect(await refusal(s.tasks.delete(a.id, 'api'))).toMatchObject({ code: 'TASK_RUNNING' });
    expect((await s.tasks.get(a.id)).version).toBe(running!.version);
    await s.taskRepo.transition(a.id, { from: ['running'], to: 'failed', timeline: { from: 'running', to: 'failed', actor: 'dispatcher', at: new Date().toISOString() } });
    await s.tasks.delete(a.id, 'api');
    expect(await refusal(s.tasks.get(a.id))).toMatchObject({ code: 'TASK_NOT_FOUND' });
    expect(await s.tasks.get(b.id)).toMatchObject({ status: 'queued', dependsOn: [] });
    expect(s.taskMessages.at(-2)).toEqual({ id: a.id, deleted: true });
    expect(await refusal(s.tasks.delete(a.id, 'api'))).toMatchObject({ code: 'TASK_NOT_FOUND' });
  });

  it('lists with filters and keyset pages; comments and timeline refuse unknown tasks', async () => {
    const s = await harness();
    const made: Task[] = [];
    for (let i = 0; i < 5; i += 1) {
      made.push(
        await create(s, {
          title: i % 2 ? `Odd task ${i}` : `Even task ${i}`,
          priority: i % 2 ? 'high' : 'low',
          labels: i === 3 ? ['frontend'] : [],
          assignee: i === 4 ? 'emp_101' : null,
        }),
      );
    }
    // Newest first; tasks created within the same millisecond are ordered by id, so compare sets.
    const titles = async (query: Parameters<CoreLoopHarness['tasks']['list']>[0]) => (await s.tasks.list(query)).items.map((t) => t.title).sort();
    expect(await titles({ priority: ['high'] })).toEqual(['Odd task 1', 'Odd task 3']);
    expect(await titles({ label: 'frontend' })).toEqual(['Odd task 3']);
    expect(await titles({ employee: 'emp_101' })).toEqual(['Even task 4']);
    expect(await titles({ q: 'EVEN' })).toEqual(['Even task 0', 'Even task 2', 'Even task 4']);
    expect(await titles({ status: ['queued', 'pending'], priority: ['low'], limit: 10 })).toHaveLength(3);
    const all = (await s.tasks.list({})).items.map((t) => t.id);
    const first = await s.tasks.list({ limit: 2 });
    const second = await s.tasks.list({ limit: 2, cursor: first.nextCursor ?? '' });
    const third = await s.tasks.list({ limit: 2, cursor: second.nextCursor ?? '' });
    expect([...first.items, ...second.items, ...third.items].map((t) => t.id)).toEqual(all);
    expect(third.nextCursor).toBeNull();

    const comment = await s.tasks.addComment(made[0]!.id, { body: ' Looks good ' }, 'api');
    expect(comment).toMatchObject({ kind: 'general', author: 'api', body: 'Looks good' });
    expect(await refusal(s.tasks.comments('nope'))).toMatchObject({ code: 'TASK_NOT_FOUND' });
    expect(await refusal(s.tasks.addComment('nope', { body: 'x' }, 'api'))).toMatchObject({ code: 'TASK_NOT_FOUND' });
    expect(await refusal(s.tasks.timeline('nope'))).toMatchObject({ code: 'TASK_NOT_FOUND' });
    expect(await refusal(s.tasks.runs('nope', {}))).toMatchObject({ code: 'TASK_NOT_FOUND' });
    expect((await s.tasks.runs(made[0]!.id, {})).items).toEqual([]);
  });

  it('publishes every change on the tasks topic and counts tasks for the stats', async () => {
    const s = await harness();
    const a = await create(s, { title: 'A' });
    const b = await create(s, { title: 'B', dependsOn: [a.id] });
    await s.tasks.update(b.id, { version: b.version, title: 'B2' }, 'api');
    await s.tasks.cancel(a.id, {}, 'api');
    const seen = s.taskMessages.map((m) => ('status' in m ? `${m.title}:${m.status}` : `deleted:${m.id}`));
    expect(seen).toEqual(['A:queued', 'B:pending', 'B2:pending', 'A:cancelled', 'B2:blocked']);

    const done = await complete(s, await create(s, { title: 'C' }));
    const stats = await s.stats.dashboard();
    expect(stats.tasks).toMatchObject({ total: 3, byStatus: { cancelled: 1, blocked: 1, completed: 1, queued: 0 } });
    expect(stats.throughput.hourly).toHaveLength(24);
    expect(stats.throughput.completed).toBe(1);
    expect(stats.throughput.hourly.at(-1)).toEqual({ hour: done.completedAt!.slice(0, 13), completed: 1 });
    expect(stats.cost).toEqual({ todayUsd: 0, totalUsd: 0 });
    expect(stats.runs.active).toBe(0);
  });
});
