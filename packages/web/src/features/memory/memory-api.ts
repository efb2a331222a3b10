/**
 * The memory REST API (`/api/memory…`, docs/api.md "Memory") and the task's memory record
 * (`GET /api/tasks/:id/memories`). Every memory route acts as an employee (`employeeId`): the
 * pages pass the employee whose memories they show. Payloads are narrowed structurally on the
 * fields the UI relies on (see tasks-api.ts).
 */
import type {
  MemoryEmployeeStats,
  MemoryScope,
  MemorySearchHit,
  MemoryType,
  MemoryView,
  TaskMemories,
  TaskMemoryUse,
  TaskMemoryWrite,
  UpdateMemoryBody,
} from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';

export type { MemoryEmployeeStats, MemoryScope, MemorySearchHit, MemoryType, MemoryView, TaskMemories, TaskMemoryUse, TaskMemoryWrite, UpdateMemoryBody };

export interface MemoryPage {
  items: MemoryView[];
  nextCursor: string | null;
}

export interface MemoryTotals {
  totalMemories: number;
  archivedMemories: number;
  pendingEmbeddings: number;
  embeddingProvider: string;
  embeddingDim: number;
  vectorIndex: string;
}

export interface MemoryStats {
  statistics: MemoryEmployeeStats[];
  totals: MemoryTotals;
}

export interface ListOptions {
  limit?: number;
  cursor?: string;
  includeArchived?: boolean;
  type?: MemoryType;
}

export interface SearchOptions {
  topK?: number;
  memoryTypes?: MemoryType[];
  includeArchived?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function isMemoryView(value: unknown): value is MemoryView {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.employeeId === 'string' &&
    typeof value.type === 'string' &&
    typeof value.scope === 'string' &&
    typeof value.content === 'string' &&
    typeof value.importance === 'number' &&
    Array.isArray(value.tags) &&
    typeof value.createdAt === 'string'
  );
}

function parseMemory(data: unknown): MemoryView {
  if (!isMemoryView(data)) throw new TypeError('Not a memory');
  return data;
}

function parsePage(data: unknown): MemoryPage {
  if (!isRecord(data) || !Array.isArray(data.items)) throw new TypeError('Not a memory list');
  return { items: data.items.filter(isMemoryView), nextCursor: typeof data.nextCursor === 'string' ? data.nextCursor : null };
}

const isHit = (value: unknown): value is MemorySearchHit =>
  isRecord(value) && typeof value.id === 'string' && typeof value.score === 'number' && isMemoryView(value.memory);

function parseHits(data: unknown): MemorySearchHit[] {
  if (!isRecord(data) || !Array.isArray(data.results)) throw new TypeError('Not search results');
  return data.results.filter(isHit);
}

const isStats = (value: unknown): value is MemoryEmployeeStats =>
  isRecord(value) && typeof value.employeeId === 'string' && typeof value.totalMemories === 'number' && isRecord(value.byType);

function parseStats(data: unknown): MemoryStats {
  if (!isRecord(data) || !Array.isArray(data.statistics) || !isRecord(data.totals)) throw new TypeError('Not memory statistics');
  return { statistics: data.statistics.filter(isStats), totals: data.totals as unknown as MemoryTotals };
}

const isUse = (value: unknown): value is TaskMemoryUse =>
  isRecord(value) && typeof value.memoryId === 'string' && typeof value.runId === 'string' && typeof value.relevance === 'number';
const isWrite = (value: unknown): value is TaskMemoryWrite =>
  isRecord(value) && typeof value.runId === 'string' && typeof value.status === 'string' && Array.isArray(value.filesChanged);

function parseTaskMemories(data: unknown): TaskMemories {
  if (!isRecord(data) || !Array.isArray(data.used) || !Array.isArray(data.written)) throw new TypeError('Not a task memory record');
  return { taskId: String(data.taskId), used: data.used.filter(isUse), written: data.written.filter(isWrite) };
}

function parseBatch(data: unknown, key: 'archive' | 'restore'): string[] {
  const part = isRecord(data) ? data[key] : null;
  const done = isRecord(part) ? part[key === 'archive' ? 'archivedMemories' : 'restoredMemories'] : null;
  if (!Array.isArray(done)) throw new TypeError(`Not an ${key} result`);
  return done.filter((id): id is string => typeof id === 'string');
}

const memoryPath = (id: string): string => `/api/memory/${encodeURIComponent(id)}`;

export function createMemoryApi(client: HttpClient = http) {
  return {
    /** The employee's own memories, newest first. */
    list: (employeeId: string, options: ListOptions = {}, signal?: AbortSignal) =>
      client.get('/api/memory', {
        query: { employeeId, limit: options.limit, cursor: options.cursor, includeArchived: options.includeArchived, type: options.type },
        parse: parsePage,
        signal,
      }),
    /** Hybrid search over what `employeeId` may read. */
    search: (employeeId: string, query: string, options: SearchOptions = {}, signal?: AbortSignal) =>
      client.request('/api/memory/search', { method: 'POST', body: { employeeId, query, options }, parse: parseHits, signal }),
    get: (employeeId: string, id: string, signal?: AbortSignal) => client.get(memoryPath(id), { query: { employeeId }, parse: parseMemory, signal }),
    update: (employeeId: string, id: string, body: UpdateMemoryBody) =>
      client.request(memoryPath(id), { method: 'PATCH', query: { employeeId }, body, parse: parseMemory }),
    remove: (employeeId: string, id: string) => client.request(memoryPath(id), { method: 'DELETE', query: { employeeId }, parse: () => undefined }),
    archive: (employeeId: string, ids: string[]) =>
      client.request('/api/memory/archive', { method: 'POST', body: { employeeId, memoryIds: ids }, parse: (d) => parseBatch(d, 'archive') }),
    restore: (employeeId: string, ids: string[]) =>
      client.request('/api/memory/restore', { method: 'POST', body: { employeeId, memoryIds: ids }, parse: (d) => parseBatch(d, 'restore') }),
    stats: (signal?: AbortSignal) => client.get('/api/memory/stats', { parse: parseStats, signal }),
    forTask: (taskId: string, signal?: AbortSignal) => client.get(`/api/tasks/${encodeURIComponent(taskId)}/memories`, { parse: parseTaskMemories, signal }),
  };
}

export type MemoryApi = ReturnType<typeof createMemoryApi>;
export const memoryApi = createMemoryApi();
