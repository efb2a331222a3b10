/**
 * The registry service over real files and a real SQLite store: the committed default registry,
 * start-up validation, API edits (persisted, exported, kept across restarts, dropped on force)
 * and the injected slot and stats providers.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  employeeRoleIds,
  registryFile,
  skillIds,
  type EmployeeStats,
  type RegistryFile,
  type SkillId,
} from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { FileRegistrySource } from '../../src/adapters/registry-file/file-registry-source.js';
import { DEFAULT_REGISTRY_DIR, makeRegistryHarness, type RegistryHarness } from '../support/employee-registry-fixture.js';

const harnesses: RegistryHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

async function harness(...args: Parameters<typeof makeRegistryHarness>): Promise<RegistryHarness> {
  const h = await makeRegistryHarness(...args);
  harnesses.push(h);
  return h;
}

const parseRegistryFile = (text: string): RegistryFile => registryFile.parse(JSON.parse(text));

/** The origin's workflow phases (origin-system.md §7.1), each with the skill it needs and its lead roles. */
const PHASES: ReadonlyArray<{ phase: string; skill: SkillId; roles: string[] }> = [
  { phase: 'planning', skill: 'sprint_planning', roles: ['project_manager'] },
  { phase: 'architecture', skill: 'system_architecture', roles: ['technical_lead', 'senior_developer', 'security_engineer'] },
  { phase: 'test_writing', skill: 'test_writing', roles: ['qa_engineer', 'test_engineer', 'senior_developer', 'devops_engineer'] },
  { phase: 'development', skill: 'feature_implementation', roles: ['senior_developer', 'junior_developer'] },
  { phase: 'testing', skill: 'testing', roles: ['qa_engineer', 'test_engineer'] },
  { phase: 'deployment', skill: 'deployment', roles: ['devops_engineer', 'site_reliability_engineer'] },
  { phase: 'quality_review', skill: 'quality_review', roles: ['qa_director', 'project_manager', 'technical_lead', 'ui_ux_designer'] },
  { phase: 'documentation', skill: 'documentation', roles: ['technical_writer'] },
  { phase: 'research', skill: 'ux_research', roles: ['ui_ux_designer', 'project_manager'] },
  { phase: 'design', skill: 'ui_design', roles: ['ui_ux_designer'] },
  { phase: 'prototyping', skill: 'prototyping', roles: ['ui_ux_designer', 'senior_developer'] },
  { phase: 'security_review', skill: 'security_review', roles: ['security_engineer', 'devops_engineer'] },
  { phase: 'infrastructure', skill: 'infrastructure', roles: ['devops_engineer', 'site_reliability_engineer'] },
  { phase: 'monitoring', skill: 'monitoring', roles: ['site_reliability_engineer', 'devops_engineer'] },
  { phase: 'test_planning', skill: 'test_planning', roles: ['qa_director', 'qa_engineer'] },
  { phase: 'test_automation', skill: 'test_automation', roles: ['test_engineer', 'senior_developer'] },
  { phase: 'test_execution', skill: 'test_execution', roles: ['qa_engineer', 'test_engineer'] },
  { phase: 'release', skill: 'release_approval', roles: ['qa_director'] },
  { phase: 'code_review', skill: 'code_review', roles: ['technical_lead', 'senior_developer'] },
];

describe('the committed default registry', () => {
  it('is valid and keeps the origin roster: ids emp_001..emp_013, names, departments and heads', async () => {
    const text = await readFile(join(DEFAULT_REGISTRY_DIR, 'employee-registry.json'), 'utf8');
    const reg = parseRegistryFile(text);
    expect(reg.employees.map((e) => [e.id, e.name, e.department])).toEqual([
      ['emp_001', 'Alex Project Manager', 'executive'],
      ['emp_002', 'Taylor Technical Lead', 'executive'],
      ['emp_003', 'Jordan QA Director', 'executive'],
      ['emp_004', 'Sam Senior Developer', 'development'],
      ['emp_005', 'Casey Junior Developer', 'development'],
      ['emp_006', 'Morgan QA Engineer', 'development'],
      ['emp_007', 'Riley Test Engineer', 'development'],
      ['emp_008', 'Drew DevOps Engineer', 'operations'],
      ['emp_009', 'Avery SRE', 'operations'],
      ['emp_010', 'Phoenix Security Engineer', 'operations'],
      ['emp_011', 'Blake Technical Writer', 'support'],
      ['emp_012', 'Quinn UI/UX Designer', 'support'],
      ['emp_013', 'River Build Engineer', 'support'],
    ]);
    expect(Object.fromEntries(Object.entries(reg.departments).map(([id, d]) => [id, d?.head]))).toEqual({
      executive: 'emp_001',
      development: 'emp_004',
      operations: 'emp_008',
      support: 'emp_011',
    });
    expect(new Set(reg.employees.map((e) => e.role))).toEqual(new Set(employeeRoleIds));
    for (const e of reg.employees) {
      expect(e.maxConcurrentTasks).toBeGreaterThanOrEqual(1);
      expect(e.maxConcurrentTasks).toBeLessThanOrEqual(2);
      expect(e.runtimeConfig.permissionMode).not.toBe('bypassPermissions');
      expect(e.status).toBe('active');
    }
  });

  it('staffs every workflow phase: each phase skill is held by its lead roles', async () => {
    const reg = parseRegistryFile(await readFile(join(DEFAULT_REGISTRY_DIR, 'employee-registry.json'), 'utf8'));
    const missing: string[] = [];
    for (const { phase, skill, roles } of PHASES) {
      for (const role of roles) {
        const holder = reg.employees.find((e) => e.role === role);
        if (!holder?.skills.includes(skill)) missing.push(`${phase}: ${role} lacks ${skill}`);
      }
    }
    expect(missing).toEqual([]);
    // Every skill in the vocabulary that an employee holds is known (the schema enforces it); and most are used.
    const held = new Set(reg.employees.flatMap((e) => e.skills));
    expect(held.size).toBeGreaterThan(skillIds.length * 0.8);
  });

  it('has one substantive prompt per role that ends with the report format', async () => {
    const reg = parseRegistryFile(await readFile(join(DEFAULT_REGISTRY_DIR, 'employee-registry.json'), 'utf8'));
    const source = new FileRegistrySource({ dir: DEFAULT_REGISTRY_DIR });
    expect(new Set(reg.employees.map((e) => e.promptFile)).size).toBe(13);
    for (const e of reg.employees) {
      const text = await source.readPrompt(e.promptFile);
      expect(text, e.promptFile).not.toBeNull();
      const words = (text ?? '').split(/\s+/).filter(Boolean).length;
      expect(words, e.promptFile).toBeGreaterThanOrEqual(300);
      expect(words, e.promptFile).toBeLessThanOrEqual(650);
      for (const heading of ['Responsibilities', 'Standards you hold', 'How you work in this system', 'Your final message']) {
        expect(text, `${e.promptFile}: ${heading}`).toContain(`## ${heading}`);
      }
      for (const part of ['**Summary**', '**What was done**', '**Files changed**', '**How it was verified**', '**Open questions and risks**']) {
        expect(text, `${e.promptFile}: ${part}`).toContain(part);
      }
      expect(text).not.toMatch(/lorem ipsum|TBD|\{\{|FIXME/i);
    }
  });
});

describe('EmployeeRegistryService', () => {
  it('loads the default registry into the store and serves views, departments and the export', async () => {
    const h = await harness();
    await h.service.start();
    const status = h.service.status();
    expect(status).toMatchObject({ sourcePath: h.fixture.registryFile, employeeCount: 13, lastError: null, watching: false });
    expect(status.loadedAt).not.toBeNull();

    const all = await h.service.list();
    expect(all.map((e) => e.id)).toEqual(Array.from({ length: 13 }, (_, i) => `emp_${String(i + 1).padStart(3, '0')}`));
    expect(all[3]).toMatchObject({
      id: 'emp_004',
      roleLabel: 'Senior Developer',
      source: 'file',
      workload: { slotsMax: 2, slotsUsed: 0, slotsFree: 2, workloadPercent: 0 },
      stats: null,
    });
    expect((await h.service.list({ department: 'operations' })).map((e) => e.id)).toEqual(['emp_008', 'emp_009', 'emp_010']);
    expect((await h.service.list({ skill: 'ui_design' })).map((e) => e.id)).toEqual(['emp_012']);

    const departments = await h.service.departments();
    expect(departments.map((d) => [d.id, d.head, d.employeeIds.length])).toEqual([
      ['executive', 'emp_001', 3],
      ['development', 'emp_004', 4],
      ['operations', 'emp_008', 3],
      ['support', 'emp_011', 3],
    ]);

    const exported = await h.service.export();
    expect(registryFile.parse(exported)).toEqual(exported);
    expect(exported).toEqual(registryFile.parse(await h.fixture.read()));

    const prompt = await h.service.prompt('emp_011');
    expect(prompt.promptFile).toBe('technical-writer.md');
    expect(prompt.text).toBe(await readFile(join(h.fixture.promptsDir, 'technical-writer.md'), 'utf8'));
    await expect(h.service.get('emp_999')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses to start on an invalid file, naming the field at fault', async () => {
    const h = await harness({}, (r) => {
      r.employees[2]!.skills = ['coding' as SkillId];
    });
    const failure = h.service.start();
    await expect(failure).rejects.toMatchObject({ code: 'REGISTRY_INVALID', details: { path: 'employees.2.skills.0' } });
    await expect(failure).rejects.toThrow(/employees\.2\.skills\.0/);
    expect(h.service.status().loadedAt).toBeNull();
  });

  it('refuses to start when a department head is in another department', async () => {
    const h = await harness({}, (r) => {
      r.departments.support!.head = 'emp_001';
    });
    await expect(h.service.start()).rejects.toMatchObject({ code: 'REGISTRY_INVALID', details: { path: 'departments.support.head' } });
  });

  it('refuses to start when a prompt file is missing, or the registry file is', async () => {
    const h = await harness();
    await rm(join(h.fixture.promptsDir, 'qa-director.md'));
    await expect(h.service.start()).rejects.toMatchObject({ code: 'REGISTRY_INVALID', details: { path: 'employees.2.promptFile' } });
    await rm(h.fixture.registryFile);
    await expect(h.service.start()).rejects.toThrow(/Registry file not found/);
  });

  it('persists API edits, exports them, keeps them across a restart and a reload, and drops them on force', async () => {
    const h = await harness();
    await h.service.start();
    const edited = await h.service.update('emp_005', { status: 'paused', skills: ['feature_implementation', 'testing'], runtimeConfig: { model: 'sonnet' } });
    expect(edited).toMatchObject({ source: 'api', status: 'paused', skills: ['feature_implementation', 'testing'], runtimeConfig: { model: 'sonnet', maxTurns: 60 } });

    const exported = await h.service.export();
    expect(exported.employees[4]).toMatchObject({ id: 'emp_005', status: 'paused', runtimeConfig: { model: 'sonnet' } });
    expect(registryFile.safeParse(exported).success).toBe(true);
    // The service never writes the registry file.
    expect(registryFile.parse(await h.fixture.read()).employees[4]?.status).toBe('active');

    const restarted = await h.restart();
    expect(await restarted.get('emp_005')).toMatchObject({ source: 'api', status: 'paused' });

    // A file change to another field of the same employee applies; the API edit stays.
    const r = await h.fixture.read();
    r.employees[4]!.maxConcurrentTasks = 2;
    await h.fixture.write(r);
    await expect(restarted.reload()).resolves.toMatchObject({ ok: true });
    expect(await restarted.get('emp_005')).toMatchObject({ status: 'paused', maxConcurrentTasks: 2 });

    const forced = await restarted.reloadOrThrow({ force: true });
    expect(forced.overridesDropped).toEqual(['emp_005']);
    expect(await restarted.get('emp_005')).toMatchObject({ source: 'file', status: 'active', runtimeConfig: { model: null } });
  });

  it('retires an employee removed from the file and hides it', async () => {
    const h = await harness();
    await h.service.start();
    const r = await h.fixture.read();
    r.employees = r.employees.filter((e) => e.id !== 'emp_013');
    await h.fixture.write(r);
    await expect(h.service.reloadOrThrow()).resolves.toMatchObject({ retired: ['emp_013'] });
    expect((await h.service.list()).map((e) => e.id)).not.toContain('emp_013');
    await expect(h.service.get('emp_013')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await h.service.departments()).find((d) => d.id === 'support')?.employeeIds).toEqual(['emp_011', 'emp_012']);
  });

  it('shows slots used and stats from the injected providers, never invented ones', async () => {
    const stats: EmployeeStats = { runs: 4, successRate: 0.75, costUsd: 1.25 };
    const h = await harness({
      slotsUsed: (id) => (id === 'emp_004' ? 1 : 0),
      stats: async (id) => (id === 'emp_004' ? stats : null),
    });
    await h.service.start();
    expect(await h.service.get('emp_004')).toMatchObject({ workload: { slotsUsed: 1, slotsFree: 1, workloadPercent: 50 }, stats });
    expect(await h.service.get('emp_005')).toMatchObject({ workload: { slotsUsed: 0, workloadPercent: 0 }, stats: null });
    expect((await h.service.departments()).find((d) => d.id === 'development')).toMatchObject({ slotsMax: 7, slotsUsed: 1 });
  });

  it('shows "no data" when the stats provider fails, and logs it', async () => {
    const h = await harness({ stats: () => Promise.reject(new Error('runs table unreachable')) });
    await h.service.start();
    expect((await h.service.get('emp_001')).stats).toBeNull();
    expect(h.warnings).toContain('employee stats unavailable');
  });
});
