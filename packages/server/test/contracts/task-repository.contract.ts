/**
 * The TaskRepository contract, run against real databases by
 * test/integration/tasks-store-*.test.ts. One database per suite; every test works in its own
 * namespace (random ids, a label or employee of its own) and global figures (counts, the ready
 * queue) are compared as deltas or restricted to the test's own tasks.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredTaskStatus, Task, TaskAssignment, TaskCommentKind } from '@dash/shared';
import type { Clock } from '../../src/ports/clock.js';
import type { NewTask, TaskRepository } from '../../src/ports/task-repository.js';

export interface TaskRepositoryUnderTest {
  repo: TaskRepository;
  /** Closes the store and removes the database or file. */
  cleanup(): Promise<void>;
}

/** A clock the tests move by hand; the repository stamps `updatedAt` from it. */
class TestClock implements Clock {
  ms = Date.parse('2030-01-01T00:00:00.000Z');
  now(): number {
    return this.ms;
  }
  isoNow(): string {
    return new Date(this.ms).toISOString();
  }
}

const uid = (prefix: string): string => `${prefix}_${randomUUID()}`;
const slug = (): string => `l${randomUUID().slice(0, 8)}`;
/** An employee id (emp_ + 6 digits) no other test on the shared database uses. */
const isolatedEmployeeId = (): string => `emp_${100_000 + (Number.parseInt(randomUUID().slice(0, 8), 16) % 900_000)}`;
const T0 = '2025-01-01T00:00:00.000Z';
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

const newTask = (overrides: Partial<NewTask> = {}): NewTask => ({
  id: uid('task'),
  title: 'Fix the login form',
  description: 'The submit button does nothing on Safari.',
  priority: 'medium',
  status: 'pending',
  requiredSkills: ['frontend_development', 'debugging'],
  labels: ['frontend'],
  assignee: null,
  dependsOn: [],
  maxRetries: 2,
  timeoutMs: null,
  budgetUsd: null,
  workingDirectory: null,
  createdBy: 'user_1',
  createdAt: T0,
  ...overrides,
});

const assignment: TaskAssignment = {
  mode: 'automatic',
  score: { skillMatch: 1, freeSlots: 0.5, priorityWeight: 0.6, successRate: 0.5, total: 0.735 },
  candidates: [
    { employeeId: 'emp_001', total: 0.735 },
    { employeeId: 'emp_002', total: 0.6 },
  ],
  decidedAt: at(10),
};

export function defineTaskRepositoryContract(name: string, factory: (clock: Clock) => Promise<TaskRepositoryUnderTest>): void {
  describe(`TaskRepository contract: ${name}`, () => {
    let sut: TaskRepositoryUnderTest;
    let repo: TaskRepository;
    const clock = new TestClock();

    /** One plain status step with its timeline row. */
    const step = (id: string, from: StoredTaskStatus, to: StoredTaskStatus, when: string) =>
      repo.transition(id, { from: [from], to, timeline: { from, to, actor: 'dispatcher', at: when } });

    beforeAll(async () => {
      sut = await factory(clock);
      repo = sut.repo;
    });
    afterAll(async () => {
      await sut?.cleanup();
    });

    describe('create and read', () => {
      it('creates a task at version 1 with server fields at their defaults, and a creation timeline entry', async () => {
        const input = newTask({ timeoutMs: 600_000, budgetUsd: 2.5, workingDirectory: '/work/app', assignee: 'emp_004' });
        const created = await repo.create(input);
        expect(created).toEqual({
          id: input.id,
          title: input.title,
          description: input.description,
          priority: 'medium',
          status: 'pending',
          requiredSkills: ['frontend_development', 'debugging'],
          assignee: 'emp_004',
          assignedTo: null,
          assignment: null,
          dependsOn: [],
          maxRetries: 2,
          attempts: 0,
          timeoutMs: 600_000,
          budgetUsd: 2.5,
          workingDirectory: '/work/app',
          labels: ['frontend'],
          createdBy: 'user_1',
          createdAt: T0,
          updatedAt: T0,
          queuedAt: null,
          startedAt: null,
          completedAt: null,
          resolvedAt: null,
          lastRunId: null,
          blockedReason: null,
          version: 1,
        } satisfies Task);
        await expect(repo.get(input.id)).resolves.toEqual(created);
        const timeline = await repo.timeline(input.id);
        expect(timeline).toEqual([
          { id: expect.any(String), taskId: input.id, from: null, to: 'pending', actor: 'user_1', reason: null, at: T0, data: null },
        ]);
      });

      it('stamps queuedAt for a task created queued and normalizes timestamps to UTC', async () => {
        const created = await repo.create(newTask({ status: 'queued', createdAt: '2025-03-01T12:00:00+02:00' }));
        expect(created).toMatchObject({ status: 'queued', createdAt: '2025-03-01T10:00:00.000Z', queuedAt: '2025-03-01T10:00:00.000Z' });
      });

      it('returns null for an unknown task, rejects a duplicate id with CONFLICT, and reads several at once', async () => {
        await expect(repo.get(uid('missing'))).resolves.toBeNull();
        const a = await repo.create(newTask());
        await expect(repo.create(newTask({ id: a.id, title: 'other' }))).rejects.toMatchObject({ code: 'CONFLICT' });
        await expect(repo.get(a.id)).resolves.toEqual(a);
        const b = await repo.create(newTask({ dependsOn: [a.id] }));
        const many = await repo.getMany([a.id, b.id, uid('missing'), a.id]);
        expect(many.sort((x, y) => x.id.localeCompare(y.id))).toEqual([a, b].sort((x, y) => x.id.localeCompare(y.id)));
        await expect(repo.getMany([])).resolves.toEqual([]);
      });

      it('refuses unknown or self dependencies at creation and writes nothing', async () => {
        const a = await repo.create(newTask());
        const missing = uid('missing');
        const input = newTask({ dependsOn: [a.id, missing] });
        await expect(repo.create(input)).rejects.toMatchObject({
          code: 'TASK_DEPENDENCY_NOT_FOUND',
          details: { taskId: input.id, missing: [missing] },
        });
        await expect(repo.get(input.id)).resolves.toBeNull();
        await expect(repo.timeline(input.id)).resolves.toEqual([]);

        const self = newTask();
        await expect(repo.create({ ...self, dependsOn: [self.id] })).rejects.toMatchObject({
          code: 'TASK_DEPENDENCY_CYCLE',
          details: { cycle: [self.id, self.id] },
        });
        await expect(repo.get(self.id)).resolves.toBeNull();
      });
    });

    describe('optimistic update', () => {
      it('applies only the keys given, bumps the version and stamps updatedAt', async () => {
        const task = await repo.create(newTask({ assignee: 'emp_001' }));
        clock.ms += 60_000;
        const updated = await repo.update(task.id, 1, {
          title: 'Fix the login form on Safari',
          priority: 'urgent',
          requiredSkills: ['debugging'],
          labels: ['frontend', 'safari'],
          assignee: null,
          timeoutMs: 120_000,
          budgetUsd: 0.0025,
          assignment,
          assignedTo: 'emp_001',
        });
        expect(updated).toEqual({
          ...task,
          title: 'Fix the login form on Safari',
          priority: 'urgent',
          requiredSkills: ['debugging'],
          labels: ['frontend', 'safari'],
          assignee: null,
          timeoutMs: 120_000,
          budgetUsd: 0.0025,
          assignment,
          assignedTo: 'emp_001',
          updatedAt: clock.isoNow(),
          version: 2,
        });
        await expect(repo.get(task.id)).resolves.toEqual(updated);
      });

      it('keeps a task budget to the hundredth of a cent, and clears it back to the default with null', async () => {
        const task = await repo.create(newTask({ budgetUsd: 9999.9999 }));
        expect((await repo.get(task.id))?.budgetUsd).toBe(9999.9999);
        const halved = await repo.update(task.id, 1, { budgetUsd: 0.0001 });
        expect(halved.budgetUsd).toBe(0.0001);
        const cleared = await repo.update(task.id, 2, { budgetUsd: null });
        expect(cleared).toMatchObject({ budgetUsd: null, version: 3 });
        await expect(repo.get(task.id)).resolves.toEqual(cleared);
        // A patch without the key leaves it alone.
        const again = await repo.update(task.id, 3, { budgetUsd: 12 });
        expect((await repo.update(task.id, again.version, { title: 'renamed' })).budgetUsd).toBe(12);
      });

      it('refuses a stale version with TASK_VERSION_CONFLICT and changes nothing', async () => {
        const task = await repo.create(newTask());
        const v2 = await repo.update(task.id, 1, { title: 'first writer' });
        await expect(repo.update(task.id, 1, { title: 'second writer', labels: ['lost'], dependsOn: [] })).rejects.toMatchObject({
          code: 'TASK_VERSION_CONFLICT',
          details: { taskId: task.id, expectedVersion: 1, actualVersion: 2 },
        });
        await expect(repo.get(task.id)).resolves.toEqual(v2);
        await expect(repo.update(uid('missing'), 1, { title: 'x' })).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
      });

      it('lets exactly one of several concurrent writers of the same version win', async () => {
        const task = await repo.create(newTask());
        const results = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) => repo.update(task.id, 1, { title: `writer ${i}` })),
        );
        const won = results.filter((r): r is PromiseFulfilledResult<Task> => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(Array(5).fill('TASK_VERSION_CONFLICT'));
        const stored = await repo.get(task.id);
        expect(stored?.version).toBe(2);
        expect(stored).toEqual(won[0]?.value);
      });

      it('replaces dependencies in the given order and refuses a cycle with its path, changing nothing', async () => {
        const a = await repo.create(newTask());
        const b = await repo.create(newTask({ dependsOn: [a.id] }));
        const c = await repo.create(newTask({ dependsOn: [b.id] }));
        const d = await repo.create(newTask());

        const aWithD = await repo.update(a.id, 1, { dependsOn: [d.id] });
        expect(aWithD.dependsOn).toEqual([d.id]);
        const cycle = repo.update(a.id, aWithD.version, { title: 'should not stick', dependsOn: [d.id, c.id] });
        await expect(cycle).rejects.toMatchObject({
          code: 'TASK_DEPENDENCY_CYCLE',
          details: { taskId: a.id, cycle: [a.id, c.id, b.id, a.id] },
        });
        await expect(repo.get(a.id)).resolves.toEqual(aWithD);

        const reordered = await repo.update(c.id, 1, { dependsOn: [d.id, b.id] });
        expect(reordered.dependsOn).toEqual([d.id, b.id]);
        await expect(repo.dependencies(c.id)).resolves.toEqual([d.id, b.id]);
        await expect(repo.update(c.id, reordered.version, { dependsOn: [uid('missing')] })).rejects.toMatchObject({
          code: 'TASK_DEPENDENCY_NOT_FOUND',
        });
        await expect(repo.dependencies(c.id)).resolves.toEqual([d.id, b.id]);
      });
    });

    describe('atomic transition', () => {
      it('changes status, applies the patch, stamps the entered status time and appends the timeline row together', async () => {
        const task = await repo.create(newTask());
        clock.ms += 1000;
        const queued = await repo.transition(task.id, {
          from: ['pending'],
          to: 'queued',
          timeline: { from: 'pending', to: 'queued', actor: 'system', reason: 'dependencies done', at: at(5) },
        });
        expect(queued).toEqual({ ...task, status: 'queued', queuedAt: at(5), updatedAt: clock.isoNow(), version: 2 });

        const running = await repo.transition(task.id, {
          from: ['queued'],
          to: 'running',
          patch: { assignedTo: 'emp_002', assignment, attempts: 1, lastRunId: 'run_1' },
          timeline: { from: 'queued', to: 'running', actor: 'dispatcher', at: at(10), data: { runId: 'run_1', employeeId: 'emp_002' } },
        });
        expect(running).toMatchObject({
          status: 'running',
          assignedTo: 'emp_002',
          assignment,
          attempts: 1,
          lastRunId: 'run_1',
          startedAt: at(10),
          queuedAt: at(5),
          version: 3,
        });
        const timeline = await repo.timeline(task.id);
        expect(timeline.map((e) => [e.from, e.to, e.actor, e.reason, e.at, e.data])).toEqual([
          [null, 'pending', 'user_1', null, T0, null],
          ['pending', 'queued', 'system', 'dependencies done', at(5), null],
          ['queued', 'running', 'dispatcher', null, at(10), { runId: 'run_1', employeeId: 'emp_002' }],
        ]);
        expect(new Set(timeline.map((e) => e.id)).size).toBe(3);
      });

      it('writes nothing when the status (or the expected version) moved: a lost race returns null', async () => {
        const task = await repo.create(newTask());
        const wrongFrom = await repo.transition(task.id, {
          from: ['queued', 'running'],
          to: 'completed',
          patch: { lastRunId: 'run_x' },
          timeline: { from: 'running', to: 'completed', actor: 'dispatcher', at: at(1) },
        });
        expect(wrongFrom).toBeNull();
        const wrongVersion = await repo.transition(task.id, {
          from: ['pending'],
          to: 'cancelled',
          expectedVersion: 7,
          timeline: { from: 'pending', to: 'cancelled', actor: 'user_1', at: at(1) },
        });
        expect(wrongVersion).toBeNull();
        await expect(step(uid('missing'), 'pending', 'queued', T0)).resolves.toBeNull();
        await expect(repo.get(task.id)).resolves.toEqual(task);
        await expect(repo.timeline(task.id)).resolves.toHaveLength(1);
      });

      it('lets exactly one of several concurrent dispatchers take a queued task', async () => {
        const task = await repo.create(newTask({ status: 'queued' }));
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            repo.transition(task.id, {
              from: ['queued'],
              to: 'running',
              patch: { assignedTo: `emp_00${i}`, lastRunId: `run_${i}` },
              timeline: { from: 'queued', to: 'running', actor: `dispatcher-${i}`, at: at(i) },
            }),
          ),
        );
        const winners = results.filter((r): r is Task => r !== null);
        expect(winners).toHaveLength(1);
        const winner = winners[0];
        const stored = await repo.get(task.id);
        expect(stored).toEqual(winner);
        expect(stored?.version).toBe(2);
        const timeline = await repo.timeline(task.id);
        expect(timeline.map((e) => e.to)).toEqual(['queued', 'running']);
        expect(timeline[1]?.actor).toBe(`dispatcher-${winner?.lastRunId?.slice(4)}`);
      });

      it('rolls the status change back when a part of the write fails', async () => {
        const a = await repo.create(newTask());
        const b = await repo.create(newTask({ dependsOn: [a.id] }));
        await expect(
          repo.transition(a.id, {
            from: ['pending'],
            to: 'queued',
            patch: { dependsOn: [b.id] },
            timeline: { from: 'pending', to: 'queued', actor: 'user_1', at: at(3) },
          }),
        ).rejects.toMatchObject({ code: 'TASK_DEPENDENCY_CYCLE', details: { cycle: [a.id, b.id, a.id] } });
        await expect(repo.get(a.id)).resolves.toEqual(a);
        await expect(repo.timeline(a.id)).resolves.toHaveLength(1);
      });

      it('records a reopen as two timeline rows and clears blockedReason when leaving blocked', async () => {
        const task = await repo.create(newTask({ status: 'blocked', blockedReason: 'Dependency task_x failed' }));
        expect(task.blockedReason).toBe('Dependency task_x failed');
        expect((await repo.timeline(task.id))[0]).toMatchObject({ to: 'blocked', reason: 'Dependency task_x failed' });
        const pending = await repo.transition(task.id, {
          from: ['blocked'],
          to: 'pending',
          timeline: { from: 'blocked', to: 'pending', actor: 'system', at: at(1) },
        });
        expect(pending?.blockedReason).toBeNull();

        let current = pending as Task;
        for (const [from, to, second] of [
          ['pending', 'queued', 2],
          ['queued', 'running', 3],
          ['running', 'completed', 4],
        ] as const) {
          current = (await step(current.id, from, to, at(second))) as Task;
        }
        expect(current).toMatchObject({ status: 'completed', completedAt: at(4) });

        const reopened = await repo.transition(task.id, {
          from: ['completed', 'resolved'],
          to: 'queued',
          patch: { attempts: 0, assignee: 'emp_003', completedAt: null },
          timeline: [
            { from: 'completed', to: 'reopened', actor: 'user_1', reason: "you didn't commit", at: at(9) },
            { from: 'reopened', to: 'queued', actor: 'user_1', at: at(9) },
          ],
        });
        expect(reopened).toMatchObject({ status: 'queued', queuedAt: at(9), completedAt: null, assignee: 'emp_003', attempts: 0 });
        const timeline = await repo.timeline(task.id);
        expect(timeline.slice(-2).map((e) => [e.from, e.to, e.reason])).toEqual([
          ['completed', 'reopened', "you didn't commit"],
          ['reopened', 'queued', null],
        ]);
      });
    });

    describe('list', () => {
      it('filters by status (several), priority, employee, label and text, alone and combined', async () => {
        const label = slug();
        const emp = isolatedEmployeeId();
        const mk = (o: Partial<NewTask>) => repo.create(newTask({ labels: [label], ...o }));
        const t1 = await mk({ title: 'Write the RELEASE notes', priority: 'low' });
        const t2 = await mk({ title: 'Refactor auth', description: 'Move release logic out', priority: 'high', assignee: emp });
        const t3 = await mk({ title: 'Fix 100% CPU usage', priority: 'urgent', status: 'queued' });
        const t4 = await mk({ title: 'Unrelated', priority: 'high', labels: [label, 'other-label'] });
        const t5 = await repo.create(newTask({ title: 'release elsewhere', labels: [slug()], assignee: emp }));
        await repo.update(t4.id, 1, { assignedTo: emp });

        const ids = async (filter: Parameters<TaskRepository['list']>[0]): Promise<string[]> =>
          (await repo.list(filter)).items.map((t) => t.id).sort();
        const sorted = (...tasks: Task[]): string[] => tasks.map((t) => t.id).sort();

        await expect(ids({ label, limit: 50 })).resolves.toEqual(sorted(t1, t2, t3, t4));
        await expect(ids({ label, status: ['queued'], limit: 50 })).resolves.toEqual(sorted(t3));
        await expect(ids({ label, status: ['queued', 'pending'], limit: 50 })).resolves.toEqual(sorted(t1, t2, t3, t4));
        await expect(ids({ label, priority: ['high', 'urgent'], limit: 50 })).resolves.toEqual(sorted(t2, t3, t4));
        await expect(ids({ employee: emp, limit: 50 })).resolves.toEqual(sorted(t2, t4, t5));
        await expect(ids({ employee: emp, label, limit: 50 })).resolves.toEqual(sorted(t2, t4));
        await expect(ids({ label, text: 'release', limit: 50 })).resolves.toEqual(sorted(t1, t2));
        await expect(ids({ label, text: 'ReLeAsE NOTES', limit: 50 })).resolves.toEqual(sorted(t1));
        // LIKE wildcards in the search text are literal.
        await expect(ids({ label, text: '100%', limit: 50 })).resolves.toEqual(sorted(t3));
        await expect(ids({ label, text: '%', limit: 50 })).resolves.toEqual(sorted(t3));
        await expect(ids({ label, text: 'cpu_usage', limit: 50 })).resolves.toEqual([]);
        await expect(ids({ label, text: 'CPU USAGE', limit: 50 })).resolves.toEqual(sorted(t3));
        await expect(ids({ label: 'other-label', status: ['pending'], limit: 50 })).resolves.toContain(t4.id);
        await expect(ids({ label, status: [], priority: [], limit: 50 })).resolves.toHaveLength(4);
      });

      it('pages newest first with an opaque cursor: no duplicate, no gap, even with equal timestamps', async () => {
        const label = slug();
        const created: Task[] = [];
        for (let i = 0; i < 23; i++) {
          created.push(await repo.create(newTask({ labels: [label], createdAt: at(Math.floor(i / 4)) })));
        }
        const expected = [...created]
          .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
          .map((t) => t.id);

        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await repo.list({ label, limit: 5, cursor });
          seen.push(...page.items.map((t) => t.id));
          cursor = page.nextCursor ?? undefined;
          pages++;
        } while (cursor !== undefined && pages < 20);
        expect(pages).toBe(5);
        expect(seen).toEqual(expected);

        const exact = await repo.list({ label, limit: 23 });
        expect(exact.nextCursor).toBeNull();
        expect(exact.items[0]?.dependsOn).toEqual([]);
        await expect(repo.list({ label, limit: 5, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      });

      it('lists ready tasks in dispatch order: priority weight desc, then queuedAt, then id', async () => {
        const q = (priority: NewTask['priority'], second: number, id = uid('task')) =>
          repo.create(newTask({ id, priority, status: 'queued', createdAt: at(second) }));
        const lowOld = await q('low', 1);
        const urgentNew = await q('urgent', 50);
        const mediumA = await q('medium', 20, `task_${randomUUID().slice(0, 8)}_a`);
        const mediumB = await q('medium', 20, `${mediumA.id.slice(0, -2)}_b`);
        const highOld = await q('high', 2);
        const urgentOld = await q('urgent', 3);
        const notQueued = await repo.create(newTask({ priority: 'urgent' }));
        const mine = new Set([lowOld, urgentNew, mediumA, mediumB, highOld, urgentOld, notQueued].map((t) => t.id));

        const order = async (): Promise<string[]> => (await repo.listReady(10_000)).map((t) => t.id).filter((id) => mine.has(id));
        await expect(order()).resolves.toEqual([urgentOld.id, urgentNew.id, highOld.id, mediumA.id, mediumB.id, lowOld.id]);

        // A priority change moves it in the queue; leaving `queued` removes it.
        await repo.update(lowOld.id, 1, { priority: 'urgent' });
        await step(urgentOld.id, 'queued', 'running', at(60));
        await expect(order()).resolves.toEqual([lowOld.id, urgentNew.id, highOld.id, mediumA.id, mediumB.id]);

        const limited = await repo.listReady(2);
        expect(limited).toHaveLength(2);
        expect(limited.every((t) => t.status === 'queued')).toBe(true);
      });
    });

    describe('dependencies', () => {
      it('reads direct dependencies and dependents, and reachable edges in both directions', async () => {
        // a ← b ← d, a ← c ← d, d ← e (d depends on b and c), and f is unrelated.
        const a = await repo.create(newTask());
        const b = await repo.create(newTask({ dependsOn: [a.id] }));
        const c = await repo.create(newTask({ dependsOn: [a.id] }));
        const d = await repo.create(newTask({ dependsOn: [c.id, b.id] }));
        const e = await repo.create(newTask({ dependsOn: [d.id] }));
        await repo.create(newTask());

        expect(d.dependsOn).toEqual([c.id, b.id]);
        await expect(repo.dependencies(d.id)).resolves.toEqual([c.id, b.id]);
        await expect(repo.dependents(a.id)).resolves.toEqual([b.id, c.id].sort());
        await expect(repo.dependents(e.id)).resolves.toEqual([]);

        const key = (edges: Array<{ taskId: string; dependsOnId: string }>): string[] =>
          edges.map((x) => `${x.taskId}>${x.dependsOnId}`).sort();
        await expect(repo.dependencyEdges([e.id], 'upstream').then(key)).resolves.toEqual(
          [`${e.id}>${d.id}`, `${d.id}>${c.id}`, `${d.id}>${b.id}`, `${b.id}>${a.id}`, `${c.id}>${a.id}`].sort(),
        );
        await expect(repo.dependencyEdges([b.id], 'downstream').then(key)).resolves.toEqual(
          [`${d.id}>${b.id}`, `${e.id}>${d.id}`].sort(),
        );
        await expect(repo.dependencyEdges([a.id], 'downstream').then((x) => x.length)).resolves.toBe(5);
        await expect(repo.dependencyEdges([], 'upstream')).resolves.toEqual([]);
        // Upstream edges keep each task's dependency order.
        const upD = (await repo.dependencyEdges([d.id], 'upstream')).filter((x) => x.taskId === d.id).map((x) => x.dependsOnId);
        expect(upD).toEqual([c.id, b.id]);
      });
    });

    describe('comments', () => {
      it('adds comments and lists them oldest first; an unknown task is TASK_NOT_FOUND', async () => {
        const task = await repo.create(newTask());
        const comment = (kind: TaskCommentKind, author: string, body: string, createdAt: string) =>
          repo.addComment({ id: uid('cmt'), taskId: task.id, kind, author, body, createdAt });
        const first = await comment('general', 'user_1', 'Looks close.', at(1));
        expect(first).toEqual({
          id: first.id,
          taskId: task.id,
          kind: 'general',
          author: 'user_1',
          body: 'Looks close.',
          createdAt: at(1),
        });
        const second = await comment('reopen_reason', 'user_2', "You didn't commit.", at(1));
        const third = await comment('resolution', 'user_1', 'Done, thanks.', at(2));
        await expect(repo.listComments(task.id)).resolves.toEqual([first, second, third]);
        await expect(
          repo.addComment({ id: uid('cmt'), taskId: uid('missing'), kind: 'general', author: 'u', body: 'x', createdAt: T0 }),
        ).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
        await expect(repo.addComment({ ...first, body: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
        await expect(repo.listComments(uid('missing'))).resolves.toEqual([]);
      });
    });

    describe('counts and delete', () => {
      it('counts tasks per status, every status present', async () => {
        const before = await repo.countByStatus();
        expect(Object.keys(before).sort()).toEqual(
          ['blocked', 'cancelled', 'completed', 'failed', 'pending', 'queued', 'resolved', 'running'].sort(),
        );
        await repo.create(newTask());
        await repo.create(newTask());
        const q = await repo.create(newTask({ status: 'queued' }));
        await step(q.id, 'queued', 'cancelled', at(1));
        const after = await repo.countByStatus();
        expect(after).toEqual({ ...before, pending: before.pending + 2, cancelled: before.cancelled + 1 });
      });

      it('deletes a task with its labels, comments, timeline and edges in both directions', async () => {
        const label = slug();
        const upstream = await repo.create(newTask());
        const task = await repo.create(newTask({ labels: [label], dependsOn: [upstream.id] }));
        const d1 = await repo.create(newTask({ dependsOn: [task.id, upstream.id] }));
        const d2 = await repo.create(newTask({ dependsOn: [task.id] }));
        await repo.addComment({ id: uid('cmt'), taskId: task.id, kind: 'general', author: 'u', body: 'x', createdAt: T0 });

        await expect(repo.delete(task.id)).resolves.toEqual({ dependents: [d1.id, d2.id].sort() });
        await expect(repo.get(task.id)).resolves.toBeNull();
        await expect(repo.listComments(task.id)).resolves.toEqual([]);
        await expect(repo.timeline(task.id)).resolves.toEqual([]);
        await expect(repo.list({ label, limit: 10 })).resolves.toEqual({ items: [], nextCursor: null });
        await expect(repo.dependents(upstream.id)).resolves.toEqual([d1.id]);
        expect((await repo.get(d1.id))?.dependsOn).toEqual([upstream.id]);
        expect((await repo.get(d2.id))?.dependsOn).toEqual([]);
        await expect(repo.delete(task.id)).resolves.toBeNull();
        // The id is free again.
        await expect(repo.create(newTask({ id: task.id }))).resolves.toMatchObject({ id: task.id, version: 1 });
      });
    });
  });
}
