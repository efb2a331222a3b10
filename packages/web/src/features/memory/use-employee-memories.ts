/**
 * An employee's memories for the Memories section: their own memories a page at a time (newest
 * first, archived ones on request), or a hybrid search over everything they may read. Edits
 * from the list are put in place; deletions and archivings leave it.
 */
import { ref, shallowRef, type Ref } from 'vue';
import { ApiError } from '../../shared/api/api-error';
import { memoryApi, type MemorySearchHit, type MemoryView } from './memory-api';

export const MEMORY_PAGE = 20;
const SEARCH_TOP_K = 20;

const toError = (cause: unknown): ApiError => (cause instanceof ApiError ? cause : ApiError.client('BAD_RESPONSE', { cause }));

export function useEmployeeMemories(employeeId: Ref<string>) {
  const items = shallowRef<MemoryView[]>([]);
  /** Search hits (null: listing, not searching). */
  const hits = shallowRef<MemorySearchHit[] | null>(null);
  const cursor = ref<string | null>(null);
  const includeArchived = ref(false);
  const loading = ref(false);
  const loaded = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let generation = 0;

  async function run(work: (gen: number) => Promise<void>): Promise<void> {
    const gen = ++generation;
    loading.value = true;
    try {
      await work(gen);
      if (gen === generation) error.value = null;
    } catch (cause) {
      if (gen === generation) error.value = toError(cause);
    } finally {
      if (gen === generation) loading.value = false;
    }
  }

  const list = (more = false) =>
    run(async (gen) => {
      const page = await memoryApi.list(employeeId.value, {
        limit: MEMORY_PAGE,
        includeArchived: includeArchived.value,
        ...(more && cursor.value !== null && { cursor: cursor.value }),
      });
      if (gen !== generation) return;
      items.value = more ? [...items.value, ...page.items] : page.items;
      cursor.value = page.nextCursor;
      hits.value = null;
      loaded.value = true;
    });

  const search = (query: string) => {
    const q = query.trim();
    if (q === '') return list();
    return run(async (gen) => {
      const found = await memoryApi.search(employeeId.value, q, { topK: SEARCH_TOP_K, includeArchived: includeArchived.value });
      if (gen !== generation) return;
      hits.value = found;
      loaded.value = true;
    });
  };

  function replace(next: MemoryView): void {
    const hide = next.archivedAt !== null && !includeArchived.value;
    items.value = hide ? items.value.filter((m) => m.id !== next.id) : items.value.map((m) => (m.id === next.id ? next : m));
    if (hits.value) hits.value = hide ? hits.value.filter((h) => h.id !== next.id) : hits.value.map((h) => (h.id === next.id ? { ...h, memory: next } : h));
  }

  function drop(id: string): void {
    items.value = items.value.filter((m) => m.id !== id);
    if (hits.value) hits.value = hits.value.filter((h) => h.id !== id);
  }

  return { items, hits, cursor, includeArchived, loading, loaded, error, list, search, replace, drop };
}
