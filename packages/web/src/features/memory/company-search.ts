/**
 * Search across employees (the Memory page): the memory API searches as one employee at a time,
 * over everything that employee may read. Asking each employee and keeping the hits they own
 * gives every memory once, scored as its owner's search scored it; the best come first.
 */
import type { MemorySearchHit } from '@dash/shared';

export interface OwnedHit extends MemorySearchHit {
  ownerId: string;
}

export function mergeOwnedHits(perEmployee: ReadonlyArray<{ employeeId: string; hits: readonly MemorySearchHit[] }>, limit: number): OwnedHit[] {
  const best = new Map<string, OwnedHit>();
  for (const { employeeId, hits } of perEmployee) {
    for (const hit of hits) {
      if (hit.memory.employeeId !== employeeId) continue;
      const seen = best.get(hit.id);
      if (!seen || hit.score > seen.score) best.set(hit.id, { ...hit, ownerId: employeeId });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}
