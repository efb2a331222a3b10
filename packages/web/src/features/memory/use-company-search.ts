/**
 * Search across employees for the Memory page (see company-search.ts): one search per employee,
 * at most four at a time, merged into one ranked list of memories with their owners.
 */
import { ref, shallowRef } from 'vue';
import { ApiError } from '../../shared/api/api-error';
import { mergeOwnedHits, type OwnedHit } from './company-search';
import { memoryApi, type MemorySearchHit, type MemoryType } from './memory-api';

const PARALLEL = 4;
const PER_EMPLOYEE = 10;
export const COMPANY_RESULTS = 30;

export function useCompanySearch() {
  const results = shallowRef<OwnedHit[] | null>(null);
  const searching = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let generation = 0;

  async function search(query: string, employeeIds: readonly string[], types: MemoryType[] = []): Promise<void> {
    const q = query.trim();
    const gen = ++generation;
    if (q === '') {
      results.value = null;
      return;
    }
    searching.value = true;
    try {
      const found: Array<{ employeeId: string; hits: MemorySearchHit[] }> = [];
      const queue = [...employeeIds];
      const worker = async (): Promise<void> => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          found.push({ employeeId: id, hits: await memoryApi.search(id, q, { topK: PER_EMPLOYEE, ...(types.length > 0 && { memoryTypes: types }) }) });
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
      if (gen !== generation) return;
      results.value = mergeOwnedHits(found, COMPANY_RESULTS);
      error.value = null;
    } catch (cause) {
      if (gen === generation) error.value = cause instanceof ApiError ? cause : ApiError.client('BAD_RESPONSE', { cause });
    } finally {
      if (gen === generation) searching.value = false;
    }
  }

  return { results, searching, error, search };
}
