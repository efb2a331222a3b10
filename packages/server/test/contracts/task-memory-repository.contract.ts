/**
 * The TaskMemoryRepository contract, run against real databases by
 * test/integration/task-memories-store-*.test.ts. One database per suite; every test creates its
 * own tasks (random ids) through the task repository on the same store.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewTask, TaskRepository } from '../../src/ports/task-repository.js';
import type { NewTaskMemoryUse, TaskMemoryRepository } from '../../src/ports/task-memory-repository.js';

export interface TaskMemoryRepositoryUnderTest {
  repo: TaskMemoryRepository;
  tasks: TaskRepository;
  cleanup(): Promise<void>;
}

const T0 = '2025-01-01T00:00:00.000Z';
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const memId = (): string => `mem_${randomUUID()}`;

const newTask = (): NewTask => ({
  id: `task_${randomUUID()}`,
  title: 'Fix the login form',
  description: 'The submit button does nothing.',
  priority: 'medium',
  status: 'queued',
  requiredSkills: [],
  labels: [],
  assignee: null,
  dependsOn: [],
  maxRetries: 0,
  timeoutMs: null,
  budgetUsd: null,
  workingDirectory: null,
  createdBy: 'api',
  createdAt: T0,
});

const use = (taskId: string, runId: string, rank: number, extra: Partial<NewTaskMemoryUse> = {}): NewTaskMemoryUse => ({
  taskId,
  runId,
  memoryId: memId(),
  employeeId: 'emp_001',
  ownerId: 'emp_001',
  memoryType: 'experience',
  relevance: 1 - rank / 10,
  rank,
  tokens: 40 + rank,
  truncated: false,
  usedAt: at(rank),
  ...extra,
});

export function defineTaskMemoryRepositoryContract(name: string, factory: () => Promise<TaskMemoryRepositoryUnderTest>): void {
  describe(`TaskMemoryRepository contract: ${name}`, () => {
    let sut: TaskMemoryRepositoryUnderTest;
    const task = async (): Promise<string> => (await sut.tasks.create(newTask())).id;

    beforeAll(async () => {
      sut = await factory();
    });
    afterAll(async () => {
      await sut?.cleanup();
    });

    it('stores the uses of each run and lists them by run time, then rank, with their fields intact', async () => {
      const taskId = await task();
      const second = [use(taskId, 'run-b', 1, { usedAt: at(60), memoryType: 'decision', ownerId: 'emp_002', relevance: 0.8765, truncated: true })];
      const first = [use(taskId, 'run-a', 2), use(taskId, 'run-a', 1)];
      await sut.repo.recordUses(second);
      await sut.repo.recordUses(first);
      const listed = await sut.repo.forTask(taskId);
      expect(listed.taskId).toBe(taskId);
      expect(listed.used.map((u) => [u.runId, u.rank])).toEqual([
        ['run-a', 1],
        ['run-a', 2],
        ['run-b', 1],
      ]);
      const { taskId: _t, ...expected } = second[0]!;
      expect(listed.used[2]).toEqual(expected);
      expect(listed.used[2]?.relevance).toBeCloseTo(0.8765, 4);
      expect(listed.written).toEqual([]);
    });

    it('records the same (run, memory) use once', async () => {
      const taskId = await task();
      const u = use(taskId, 'run-1', 1);
      await sut.repo.recordUses([u]);
      await sut.repo.recordUses([{ ...u, relevance: 0.1 }]);
      const listed = await sut.repo.forTask(taskId);
      expect(listed.used).toHaveLength(1);
      expect(listed.used[0]?.relevance).toBeCloseTo(u.relevance, 5);
    });

    it('claims a run\'s write once, then records how it ended', async () => {
      const taskId = await task();
      const claim = { runId: `run-${randomUUID()}`, taskId, employeeId: 'emp_001', filesChanged: ['src/a.ts', 'b.md'], at: at(5) };
      const results = await Promise.all([sut.repo.claimWrite(claim), sut.repo.claimWrite(claim), sut.repo.claimWrite(claim)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await sut.repo.forTask(taskId)).written).toEqual([
        {
          runId: claim.runId,
          employeeId: 'emp_001',
          status: 'pending',
          memoryId: null,
          memoryType: null,
          importance: null,
          filesChanged: ['src/a.ts', 'b.md'],
          errorCode: null,
          createdAt: at(5),
          updatedAt: at(5),
        },
      ]);
      const memoryId = memId();
      await sut.repo.finishWrite(claim.runId, { status: 'written', memoryId, memoryType: 'decision', importance: 8 }, at(6));
      expect((await sut.repo.forTask(taskId)).written[0]).toMatchObject({ status: 'written', memoryId, memoryType: 'decision', importance: 8, errorCode: null, updatedAt: at(6) });
      // A claim is final: the run never writes again, even after it finished.
      expect(await sut.repo.claimWrite({ ...claim, at: at(7) })).toBe(false);

      const other = { ...claim, runId: `run-${randomUUID()}`, filesChanged: [], at: at(8) };
      expect(await sut.repo.claimWrite(other)).toBe(true);
      await sut.repo.finishWrite(other.runId, { status: 'failed', errorCode: 'MEMORY_UNAVAILABLE' }, at(9));
      const written = (await sut.repo.forTask(taskId)).written;
      expect(written.map((w) => [w.status, w.errorCode, w.memoryId])).toEqual([
        ['written', null, memoryId],
        ['failed', 'MEMORY_UNAVAILABLE', null],
      ]);
    });

    it('refuses rows for a task that does not exist (TASK_NOT_FOUND) and answers empty lists for it', async () => {
      const missing = `task_${randomUUID()}`;
      await expect(sut.repo.recordUses([use(missing, 'run-x', 1)])).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
      await expect(sut.repo.claimWrite({ runId: 'run-x', taskId: missing, employeeId: 'e', filesChanged: [], at: T0 })).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
      expect(await sut.repo.forTask(missing)).toEqual({ taskId: missing, used: [], written: [] });
    });

    it('deletes a task\'s rows with the task', async () => {
      const taskId = await task();
      await sut.repo.recordUses([use(taskId, 'run-d', 1)]);
      await sut.repo.claimWrite({ runId: `run-${randomUUID()}`, taskId, employeeId: 'emp_001', filesChanged: [], at: T0 });
      expect(await sut.tasks.delete(taskId)).not.toBeNull();
      expect(await sut.repo.forTask(taskId)).toEqual({ taskId, used: [], written: [] });
    });

    it('stores many uses at once', async () => {
      const taskId = await task();
      const many = Array.from({ length: 1_200 }, (_, i) => use(taskId, 'run-many', i + 1));
      await sut.repo.recordUses(many);
      const listed = await sut.repo.forTask(taskId);
      expect(listed.used).toHaveLength(1_200);
      expect(listed.used.at(-1)?.rank).toBe(1_200);
    });
  });
}
