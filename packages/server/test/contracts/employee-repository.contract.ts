/**
 * The EmployeeRepository contract, run against real databases by
 * test/integration/employees-repository-*.test.ts. One database per suite. A file sync makes the
 * stored registry match the given records exactly (everything else is retired), so every test
 * starts by syncing its own fresh ids and tests in a file run one after another.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employee, type Employee, type EmployeeInput } from '@dash/shared';
import type { EmployeeRepository } from '../../src/ports/employee-repository.js';

export interface EmployeeRepositoryUnderTest {
  repository: EmployeeRepository;
  /** Another repository on the same database (a restart or a second replica). */
  reopen(): Promise<{ repository: EmployeeRepository; close(): Promise<void> }>;
  /** Closes everything and removes the database or file. */
  cleanup(): Promise<void>;
}

let nextId = randomInt(100_000, 900_000);
const freshId = (): string => `emp_${nextId++}`;

const make = (overrides: Partial<EmployeeInput> = {}): Employee =>
  employee.parse({
    id: freshId(),
    name: 'Sam Senior Developer',
    role: 'senior_developer',
    department: 'development',
    level: 'senior',
    skills: ['feature_implementation', 'code_review'],
    promptFile: 'senior-developer.md',
    maxConcurrentTasks: 2,
    ...overrides,
  });

const T0 = '2025-03-01T10:00:00.000Z';
const T1 = '2025-03-01T11:00:00.000Z';
const T2 = '2025-03-01T12:00:00.000Z';
const sync = { force: false, now: T0 };

export function defineEmployeeRepositoryContract(name: string, factory: () => Promise<EmployeeRepositoryUnderTest>): void {
  describe(`EmployeeRepository contract: ${name}`, () => {
    let sut: EmployeeRepositoryUnderTest;
    let repo: EmployeeRepository;

    beforeAll(async () => {
      sut = await factory();
      repo = sut.repository;
    });
    afterAll(async () => {
      await sut?.cleanup();
    });

    it('stores file records in file order with source "file" and no overrides', async () => {
      const a = make({ name: 'A' });
      const b = make({ name: 'B', role: 'qa_engineer', skills: ['testing'] });
      const report = await repo.upsertFromFile([b, a], sync);
      expect(report).toEqual({ upserted: [b.id, a.id], retired: [], overridesDropped: [] });

      const listed = await repo.list();
      expect(listed.map((s) => s.employee)).toEqual([b, a]);
      expect(listed.map((s) => [s.position, s.source, s.overrides, s.retiredAt, s.updatedAt])).toEqual([
        [0, 'file', {}, null, T0],
        [1, 'file', {}, null, T0],
      ]);
      await expect(repo.get(a.id)).resolves.toEqual(listed[1]);
      await expect(repo.get('emp_000000')).resolves.toBeNull();
    });

    it('treats an identical sync as a no-op and applies a changed record', async () => {
      const a = make();
      await repo.upsertFromFile([a], sync);
      await expect(repo.upsertFromFile([a], { force: false, now: T1 })).resolves.toEqual({ upserted: [], retired: [], overridesDropped: [] });
      expect((await repo.get(a.id))?.updatedAt).toBe(T0);

      const changed = { ...a, name: 'Renamed', skills: ['debugging' as const] };
      await expect(repo.upsertFromFile([changed], { force: false, now: T2 })).resolves.toMatchObject({ upserted: [a.id] });
      expect(await repo.get(a.id)).toMatchObject({ employee: changed, updatedAt: T2 });
    });

    it('retires employees missing from the file and brings them back when they return', async () => {
      const a = make();
      const b = make();
      await repo.upsertFromFile([a, b], sync);
      const report = await repo.upsertFromFile([a], { force: false, now: T1 });
      expect(report.retired).toEqual([b.id]);
      expect((await repo.list()).map((s) => s.employee.id)).toEqual([a.id]);
      expect(await repo.get(b.id)).toMatchObject({ retiredAt: T1 });
      expect((await repo.list({ includeRetired: true })).map((s) => s.employee.id)).toContain(b.id);

      await repo.upsertFromFile([a, b], { force: false, now: T2 });
      expect(await repo.get(b.id)).toMatchObject({ retiredAt: null, position: 1 });
    });

    it('filters by department, status and skill', async () => {
      const dev = make({ skills: ['feature_implementation', 'testing'] });
      const ops = make({ role: 'devops_engineer', department: 'operations', skills: ['ci_cd'], promptFile: 'devops-engineer.md' });
      const paused = make({ status: 'paused', skills: ['testing'] });
      await repo.upsertFromFile([dev, ops, paused], sync);
      const ids = async (filter: Parameters<EmployeeRepository['list']>[0]) => (await repo.list(filter)).map((s) => s.employee.id);
      expect(await ids({ department: 'operations' })).toEqual([ops.id]);
      expect(await ids({ status: 'paused' })).toEqual([paused.id]);
      expect(await ids({ skill: 'testing' })).toEqual([dev.id, paused.id]);
      expect(await ids({ department: 'development', status: 'active', skill: 'testing' })).toEqual([dev.id]);
      expect(await ids({ skill: 'ux_research' })).toEqual([]);
    });

    it('stores API edits as overrides with source "api" and merges runtime keys across edits', async () => {
      const a = make({ runtimeConfig: { maxTurns: 80 } });
      await repo.upsertFromFile([a], sync);
      await repo.updateFields(a.id, { status: 'paused', runtimeConfig: { model: 'opus' } }, T1);
      const edited = await repo.updateFields(a.id, { maxConcurrentTasks: 4, runtimeConfig: { timeoutMs: 60_000 } }, T2);
      expect(edited).toMatchObject({
        source: 'api',
        updatedAt: T2,
        overrides: { status: 'paused', maxConcurrentTasks: 4, runtimeConfig: { model: 'opus', timeoutMs: 60_000 } },
        employee: { status: 'paused', maxConcurrentTasks: 4, runtimeConfig: { model: 'opus', timeoutMs: 60_000, maxTurns: 80 } },
      });
      await expect(repo.get(a.id)).resolves.toEqual(edited);
    });

    it('keeps API edits over a file reload, applies the other file changes, and drops edits on force', async () => {
      const a = make({ maxConcurrentTasks: 1 });
      await repo.upsertFromFile([a], sync);
      await repo.updateFields(a.id, { skills: ['testing'] }, T1);

      const fromFile = { ...a, name: 'New name', maxConcurrentTasks: 3, skills: ['documentation' as const] };
      const report = await repo.upsertFromFile([fromFile], { force: false, now: T2 });
      expect(report.overridesDropped).toEqual([]);
      expect(await repo.get(a.id)).toMatchObject({
        source: 'api',
        employee: { name: 'New name', maxConcurrentTasks: 3, skills: ['testing'] },
      });

      const forced = await repo.upsertFromFile([fromFile], { force: true, now: T2 });
      expect(forced.overridesDropped).toEqual([a.id]);
      expect(await repo.get(a.id)).toMatchObject({ source: 'file', overrides: {}, employee: { skills: ['documentation'] } });
    });

    it('drops an edit that no longer fits the file record and reports it', async () => {
      const shell = make({ runtimeConfig: { runtime: 'shell', command: ['make'] } });
      await repo.upsertFromFile([shell], sync);
      await repo.updateFields(shell.id, { runtimeConfig: { command: ['make', 'test'] } }, T1);
      const leftShell = { ...shell, runtimeConfig: { ...shell.runtimeConfig, runtime: 'claude-code' as const, command: null } };
      const report = await repo.upsertFromFile([leftShell], { force: false, now: T2 });
      expect(report.overridesDropped).toEqual([shell.id]);
      expect(await repo.get(shell.id)).toMatchObject({ source: 'file', overrides: {}, employee: { runtimeConfig: { runtime: 'claude-code', command: null } } });
    });

    it('rejects edits of unknown or retired employees with NOT_FOUND', async () => {
      const a = make();
      const gone = make();
      await repo.upsertFromFile([a, gone], sync);
      await repo.upsertFromFile([a], sync);
      await expect(repo.updateFields('emp_000001', { status: 'paused' }, T1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(repo.updateFields(gone.id, { status: 'paused' }, T1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('rejects an edit that makes the record invalid, naming the field, and stores nothing', async () => {
      const a = make();
      await repo.upsertFromFile([a], sync);
      const before = await repo.get(a.id);
      await expect(repo.updateFields(a.id, { runtimeConfig: { runtime: 'shell' } }, T1)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'body.runtimeConfig.command', message: expect.any(String) }],
      });
      await expect(repo.get(a.id)).resolves.toEqual(before);
    });

    it('loses no edit when several land at once', async () => {
      const a = make();
      await repo.upsertFromFile([a], sync);
      await Promise.all([
        repo.updateFields(a.id, { runtimeConfig: { model: 'opus' } }, T1),
        repo.updateFields(a.id, { runtimeConfig: { maxTurns: 7 } }, T1),
        repo.updateFields(a.id, { runtimeConfig: { timeoutMs: 90_000 } }, T1),
        repo.updateFields(a.id, { status: 'offline' }, T1),
        repo.updateFields(a.id, { maxConcurrentTasks: 5 }, T1),
      ]);
      expect((await repo.get(a.id))?.overrides).toEqual({
        status: 'offline',
        maxConcurrentTasks: 5,
        runtimeConfig: { model: 'opus', maxTurns: 7, timeoutMs: 90_000 },
      });
    });

    it('keeps API edits across a restart', async () => {
      const a = make();
      await repo.upsertFromFile([a], sync);
      const edited = await repo.updateFields(a.id, { status: 'paused' }, T1);
      const other = await sut.reopen();
      try {
        await expect(other.repository.get(a.id)).resolves.toEqual(edited);
        await other.repository.upsertFromFile([a], { force: false, now: T2 });
        expect(await other.repository.get(a.id)).toMatchObject({ source: 'api', employee: { status: 'paused' } });
      } finally {
        await other.close();
      }
    });
  });
}
