/** Factories for memory payloads as the server sends them. */
import type { MemoryEmployeeStats, MemoryView, TaskMemoryUse, TaskMemoryWrite } from '@dash/shared';

let seq = 0;
/** `mem_<uuid>`-shaped ids, distinct per call. */
export const memoryId = (n = ++seq): string => `mem_${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

export function makeMemory(overrides: Partial<MemoryView> = {}): MemoryView {
  return {
    id: memoryId(),
    employeeId: 'emp_004',
    type: 'experience',
    scope: 'private',
    department: 'development',
    content: 'Retries need jitter or they stampede.',
    context: {},
    tags: ['billing'],
    importance: 7,
    source: { runId: null, taskId: null },
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    lastAccessedAt: null,
    accessCount: 0,
    archivedAt: null,
    embedding: { provider: 'hash', dim: 512 },
    ...overrides,
  };
}

export function makeUse(overrides: Partial<TaskMemoryUse> = {}): TaskMemoryUse {
  return {
    runId: 'run-1',
    memoryId: memoryId(),
    employeeId: 'emp_004',
    ownerId: 'emp_004',
    memoryType: 'knowledge',
    relevance: 0.734,
    rank: 1,
    tokens: 42,
    truncated: false,
    usedAt: '2025-01-01T10:00:01.000Z',
    ...overrides,
  };
}

export function makeWrite(overrides: Partial<TaskMemoryWrite> = {}): TaskMemoryWrite {
  return {
    runId: 'run-1',
    employeeId: 'emp_004',
    status: 'written',
    memoryId: memoryId(),
    memoryType: 'experience',
    importance: 5,
    filesChanged: ['src/a.ts'],
    errorCode: null,
    createdAt: '2025-01-01T10:01:00.000Z',
    updatedAt: '2025-01-01T10:01:00.000Z',
    ...overrides,
  };
}

export function makeMemoryStats(overrides: Partial<MemoryEmployeeStats> = {}): MemoryEmployeeStats {
  return {
    employeeId: 'emp_004',
    role: 'senior_developer',
    department: 'development',
    totalMemories: 3,
    archivedMemories: 1,
    byType: { experience: 2, knowledge: 1, decision: 0, interaction: 0 },
    byScope: { private: 2, department: 1, company: 0 },
    firstCreatedAt: '2025-01-01T10:00:00.000Z',
    lastCreatedAt: '2025-01-02T10:00:00.000Z',
    lastAccessedAt: null,
    pendingEmbeddings: 0,
    ...overrides,
  };
}
