/** How employee facts read in the UI. Enum lists mirror @dash/shared (checked with `satisfies`). */
import type { DepartmentId, EmployeeLevel, EmployeeStats, EmployeeStatus, RuntimeId } from '@dash/shared';
import type { Tone } from '../../shared/ui/tone';
import { formatPercent, formatUsd } from '../../shared/utils/format-numbers';

export const employeeStatusLabels: Readonly<Record<EmployeeStatus, string>> = {
  active: 'Active',
  paused: 'Paused',
  offline: 'Offline',
};

export const employeeStatusTones: Readonly<Record<EmployeeStatus, Tone>> = {
  active: 'ok',
  paused: 'warning',
  offline: 'neutral',
};

export const employeeLevelLabels: Readonly<Record<EmployeeLevel, string>> = {
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
};

/** Department order and fallback names (the server's `/api/departments` names win). */
export const departmentFallbacks: ReadonlyArray<{ id: DepartmentId; name: string }> = [
  { id: 'executive', name: 'Executive' },
  { id: 'development', name: 'Development' },
  { id: 'operations', name: 'Operations' },
  { id: 'support', name: 'Support' },
];

export const runtimeLabels: Readonly<Record<RuntimeId, string>> = {
  'claude-code': 'Claude Code',
  codex: 'Codex',
  gemini: 'Gemini',
  shell: 'Shell command',
};

export const employeeStatuses = ['active', 'paused', 'offline'] as const satisfies readonly EmployeeStatus[];
export const runtimeIds = ['claude-code', 'codex', 'gemini', 'shell'] as const satisfies readonly RuntimeId[];

/** One line of results; `null` stats mean no run has finished, and we say exactly that. */
export function describeStats(stats: EmployeeStats | null): string {
  if (stats === null || stats.runs === 0) return 'No runs yet';
  const parts = [`${stats.runs} ${stats.runs === 1 ? 'run' : 'runs'}`];
  parts.push(stats.successRate === null ? 'none finished' : `${formatPercent(stats.successRate)} succeeded`);
  parts.push(formatUsd(stats.costUsd));
  return parts.join(' · ');
}
