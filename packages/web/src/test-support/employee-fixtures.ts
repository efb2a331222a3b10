/** Factories for employee payloads as the server sends them. */
import type { DepartmentView, EmployeeView } from '@dash/shared';

export function makeEmployee(overrides: Partial<EmployeeView> = {}): EmployeeView {
  return {
    id: 'emp_001',
    name: 'Ada',
    role: 'senior_developer',
    roleLabel: 'Senior Developer',
    department: 'development',
    level: 'senior',
    status: 'active',
    skills: ['backend_development', 'code_review'],
    promptFile: 'senior-developer.md',
    maxConcurrentTasks: 2,
    runtimeConfig: {
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
    },
    source: 'file',
    updatedAt: '2025-01-01T09:00:00.000Z',
    workload: { slotsMax: 2, slotsUsed: 1, slotsFree: 1, workloadPercent: 50 },
    stats: null,
    ...overrides,
  };
}

export function makeDepartment(overrides: Partial<DepartmentView> = {}): DepartmentView {
  return {
    id: 'development',
    name: 'Development',
    focus: 'Building features test-first',
    head: 'emp_001',
    employeeIds: ['emp_001'],
    slotsMax: 2,
    slotsUsed: 1,
    ...overrides,
  };
}
