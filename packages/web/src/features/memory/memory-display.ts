/** Labels and formatting for memories (type, scope, importance, relevance). */
import type { MemoryScope, MemoryType } from '@dash/shared';

export const memoryTypeLabels: Record<MemoryType, string> = {
  experience: 'Experience',
  knowledge: 'Knowledge',
  decision: 'Decision',
  interaction: 'Interaction',
};

/** Narrowest first (the order the API's `memoryScopes` has; kept here so the bundle needs no schemas). */
export const memoryScopeIds: readonly MemoryScope[] = ['private', 'department', 'company'];
export const memoryTypeIds: readonly MemoryType[] = ['experience', 'knowledge', 'decision', 'interaction'];

export const memoryScopeLabels: Record<MemoryScope, string> = {
  private: 'Private',
  department: 'Department',
  company: 'Company',
};

export const memoryScopeHints: Record<MemoryScope, string> = {
  private: 'Only this employee reads it',
  department: 'Their department and the leadership read it',
  company: 'Every employee reads it',
};

/** The origin's scale: 1–3 minor, 4–6 useful, 7–8 important, 9–10 critical. */
export function importanceLabel(importance: number): string {
  if (importance >= 9) return 'critical';
  if (importance >= 7) return 'important';
  if (importance >= 4) return 'useful';
  return 'minor';
}

/** Relevance scores are 0–1 hybrid scores: shown with two decimals. */
export const formatRelevance = (score: number): string => score.toFixed(2);

/** `mem_1234abcd…` → `1234abcd`: enough to tell memories apart on one page. */
export const shortMemoryId = (id: string): string => id.replace(/^mem_/, '').slice(0, 8);

/** Where a memory is shown and edited, acting as `employeeId` (who may read it). */
export const memoryRoute = (id: string, employeeId: string) => ({ name: 'memory-detail', params: { id }, query: { employee: employeeId } });

/**
 * The memory note the dispatcher puts in a `running` timeline entry's data (`data.memory`):
 * `{used, tokens}`, `{error, message}` or `{skipped}`. Null when there is none.
 */
export function describeRecallNote(note: unknown): string | null {
  if (typeof note !== 'object' || note === null) return null;
  const n = note as Record<string, unknown>;
  if (typeof n.used === 'number') {
    return n.used === 0 ? 'No relevant memories for the prompt.' : `${n.used} ${n.used === 1 ? 'memory' : 'memories'} in the prompt (${String(n.tokens)} tokens).`;
  }
  if (typeof n.error === 'string') return `Memory unavailable (${n.error}): the run started without memories.`;
  if (typeof n.skipped === 'string') return `Memory skipped after a recent failure (${n.skipped}): the run started without memories.`;
  return null;
}
