import { describe, expect, it } from 'vitest';
import {
  employee,
  employeeRoleIds,
  employeeRoleLabels,
  registryFile,
  updateEmployeeBody,
  type EmployeeInput,
  type RegistryFileInput,
} from './employees.js';

const base = (overrides: Partial<EmployeeInput> = {}): EmployeeInput => ({
  id: 'emp_001',
  name: 'Alex',
  role: 'project_manager',
  department: 'executive',
  level: 'senior',
  skills: ['sprint_planning'],
  promptFile: 'project-manager.md',
  ...overrides,
});

const registry = (overrides: Partial<RegistryFileInput> = {}): RegistryFileInput => ({
  version: 1,
  company: { name: 'Co', mission: 'Ship' },
  departments: {
    executive: { name: 'Executive', focus: 'Lead', head: 'emp_001' },
    development: { name: 'Development', focus: 'Build', head: 'emp_002' },
  },
  employees: [
    base(),
    base({ id: 'emp_002', name: 'Sam', role: 'senior_developer', department: 'development', promptFile: 'senior-developer.md', skills: ['feature_implementation'] }),
  ],
  ...overrides,
});

const paths = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }): string[] =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('employee schema', () => {
  it('fills safe defaults: active, one slot, claude-code with acceptEdits', () => {
    const parsed = employee.parse(base());
    expect(parsed.status).toBe('active');
    expect(parsed.maxConcurrentTasks).toBe(1);
    expect(parsed.runtimeConfig).toEqual({
      runtime: 'claude-code',
      model: null,
      allowedTools: [],
      disallowedTools: [],
      permissionMode: 'acceptEdits',
      maxTurns: 50,
      workdirRoot: null,
      timeoutMs: 1_800_000,
      budgetUsdPerDay: null,
      command: null,
    });
  });

  it('labels all 13 roles', () => {
    expect(employeeRoleIds).toHaveLength(13);
    for (const r of employeeRoleIds) expect(employeeRoleLabels[r]).toBeTruthy();
  });

  it('rejects an unknown skill, duplicate skills and an empty skill list', () => {
    expect(paths(employee.safeParse(base({ skills: ['sprint_planning', 'coding' as never] })))).toEqual(['skills.1']);
    expect(paths(employee.safeParse(base({ skills: ['testing', 'testing'] })))).toEqual(['skills.1']);
    expect(paths(employee.safeParse(base({ skills: [] })))).toEqual(['skills']);
  });

  it('rejects ids from other schemes, bad slot counts, unknown fields and unsafe prompt paths', () => {
    expect(paths(employee.safeParse(base({ id: 'emp_004_sd' })))).toEqual(['id']);
    expect(paths(employee.safeParse(base({ maxConcurrentTasks: 0 })))).toEqual(['maxConcurrentTasks']);
    expect(paths(employee.safeParse(base({ maxConcurrentTasks: 21 })))).toEqual(['maxConcurrentTasks']);
    expect(paths(employee.safeParse({ ...base(), workload: 85 }))).toEqual(['']);
    expect(paths(employee.safeParse(base({ promptFile: '../secrets.md' })))).toEqual(['promptFile']);
    expect(paths(employee.safeParse(base({ promptFile: '/etc/passwd.md' })))).toEqual(['promptFile']);
  });

  it('ties command to the shell runtime and refuses ".." in workdirRoot', () => {
    expect(paths(employee.safeParse(base({ runtimeConfig: { runtime: 'shell' } })))).toEqual(['runtimeConfig.command']);
    expect(paths(employee.safeParse(base({ runtimeConfig: { command: ['ls'] } })))).toEqual(['runtimeConfig.command']);
    expect(employee.safeParse(base({ runtimeConfig: { runtime: 'shell', command: ['make', 'test'] } })).success).toBe(true);
    expect(paths(employee.safeParse(base({ runtimeConfig: { workdirRoot: 'projects/../../etc' } })))).toEqual(['runtimeConfig.workdirRoot']);
  });
});

describe('registry file schema', () => {
  it('accepts a consistent registry', () => {
    expect(registryFile.safeParse(registry()).success).toBe(true);
  });

  it('rejects duplicate ids at the second occurrence', () => {
    const r = registry();
    const result = registryFile.safeParse({ ...r, employees: [...r.employees, base({ name: 'Copy' })] });
    expect(paths(result)).toEqual(['employees.2.id']);
  });

  it('rejects a head that does not exist or belongs to another department', () => {
    const r = registry();
    const missing = registryFile.safeParse({ ...r, departments: { ...r.departments, executive: { name: 'E', focus: 'F', head: 'emp_099' } } });
    expect(paths(missing)).toEqual(['departments.executive.head']);
    const elsewhere = registryFile.safeParse({ ...r, departments: { ...r.departments, executive: { name: 'E', focus: 'F', head: 'emp_002' } } });
    expect(paths(elsewhere)).toEqual(['departments.executive.head']);
    expect(elsewhere.error?.issues[0]?.message).toMatch(/belongs to department "development"/);
  });

  it('rejects an employee in an undeclared department', () => {
    const r = registry();
    const result = registryFile.safeParse({ ...r, employees: [...r.employees, base({ id: 'emp_003', department: 'operations' })] });
    expect(paths(result)).toEqual(['employees.2.department']);
  });

  it('rejects another version and unknown top-level keys', () => {
    expect(paths(registryFile.safeParse({ ...registry(), version: 2 }))).toEqual(['version']);
    expect(paths(registryFile.safeParse({ ...registry(), last_updated: 'x' }))).toEqual(['']);
  });
});

describe('PATCH body', () => {
  it('allows only the allow-listed fields and at least one of them', () => {
    expect(updateEmployeeBody.safeParse({ status: 'paused' }).success).toBe(true);
    expect(updateEmployeeBody.safeParse({ runtimeConfig: { model: 'sonnet' } }).success).toBe(true);
    expect(updateEmployeeBody.safeParse({}).success).toBe(false);
    expect(updateEmployeeBody.safeParse({ name: 'Mallory' }).success).toBe(false);
    expect(updateEmployeeBody.safeParse({ role: 'technical_lead' }).success).toBe(false);
    expect(updateEmployeeBody.safeParse({ runtimeConfig: { shell: true } }).success).toBe(false);
    expect(updateEmployeeBody.safeParse({ skills: ['coding'] }).success).toBe(false);
  });
});
