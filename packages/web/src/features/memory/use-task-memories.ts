/**
 * A task's memory record for the task page: which memories its runs used (with relevance) and
 * which each run wrote, with the memories themselves read as the employee who used or wrote them
 * (a deleted one, or one that employee no longer may read, shows as gone).
 *
 * The memory of a run is written just after the run is recorded, so right after a run ends the
 * record may not have it yet: while a finished run has no write (or a pending one) the record is
 * read again a few times, a second apart.
 */
import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import { ApiError } from '../../shared/api/api-error';
import { memoryApi, type MemoryView, type TaskMemories } from './memory-api';

const RETRIES = 5;
const RETRY_MS = 1_000;

const toError = (cause: unknown): ApiError => (cause instanceof ApiError ? cause : ApiError.client('BAD_RESPONSE', { cause }));

export interface TaskMemoryTrigger {
  taskId: string;
  /** Changes whenever the task does (its version): the record is read again. */
  version: number;
  /** The task's latest run, once it ended (its memory is expected). */
  endedRunId: string | null;
}

export function useTaskMemories(trigger: Ref<TaskMemoryTrigger>) {
  const record = shallowRef<TaskMemories | null>(null);
  /** Memories by id; null = gone or not readable. */
  const memories = shallowRef<ReadonlyMap<string, MemoryView | null>>(new Map());
  const error = shallowRef<ApiError | null>(null);
  const loading = ref(false);
  let controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let retries = 0;

  async function readMemories(next: TaskMemories, signal: AbortSignal): Promise<void> {
    const wanted = new Map<string, string>();
    for (const u of next.used) wanted.set(u.memoryId, u.employeeId);
    for (const w of next.written) if (w.memoryId) wanted.set(w.memoryId, w.employeeId);
    const known = memories.value;
    const missing = [...wanted].filter(([id]) => !known.has(id));
    const read = await Promise.all(
      missing.map(async ([id, actor]) => {
        try {
          return [id, await memoryApi.get(actor, id, signal)] as const;
        } catch (cause) {
          if (cause instanceof ApiError && cause.status === 404) return [id, null] as const;
          throw cause;
        }
      }),
    );
    if (read.length > 0) memories.value = new Map([...known, ...read]);
  }

  async function load(): Promise<void> {
    controller.abort();
    controller = new AbortController();
    const signal = controller.signal;
    const { taskId, endedRunId } = trigger.value;
    loading.value = true;
    try {
      const next = await memoryApi.forTask(taskId, signal);
      await readMemories(next, signal);
      if (signal.aborted) return;
      record.value = next;
      error.value = null;
      const write = endedRunId === null ? undefined : next.written.find((w) => w.runId === endedRunId);
      if (endedRunId !== null && (!write || write.status === 'pending') && retries < RETRIES) {
        retries += 1;
        timer = setTimeout(() => void load(), RETRY_MS);
      }
    } catch (cause) {
      if (!signal.aborted) error.value = toError(cause);
    } finally {
      if (!signal.aborted) loading.value = false;
    }
  }

  watch(
    trigger,
    (next, prev) => {
      if (prev && next.taskId === prev.taskId && next.version === prev.version) return;
      if (prev?.taskId !== next.taskId) {
        record.value = null;
        memories.value = new Map();
      }
      if (timer !== null) clearTimeout(timer);
      retries = 0;
      void load();
    },
    { immediate: true },
  );

  onBeforeUnmount(() => {
    controller.abort();
    if (timer !== null) clearTimeout(timer);
  });

  return { record, memories, error, loading, reload: load };
}
