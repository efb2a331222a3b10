/**
 * One workflow run for the run page: loaded over REST, kept current by the `workflows` topic.
 */
import { onBeforeUnmount, shallowRef, watch, type Ref } from 'vue';
import { ApiError } from '../../shared/api/api-error';
import { isNewer, listenToWorkflows } from './workflow-live';
import { workflowsApi, type WorkflowRun } from './workflows-api';

const toError = (cause: unknown): ApiError => (cause instanceof ApiError ? cause : ApiError.client('BAD_RESPONSE', { cause }));
const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

export function useWorkflowRun(id: Ref<string>) {
  const run = shallowRef<WorkflowRun | null>(null);
  const error = shallowRef<ApiError | null>(null);
  let controller = new AbortController();

  /** Shows `next` when it is this run and not older than what is shown. */
  function accept(next: WorkflowRun): void {
    if (next.id !== id.value || !isNewer(next, run.value)) return;
    run.value = next;
  }

  async function load(): Promise<void> {
    controller.abort();
    controller = new AbortController();
    try {
      const fresh = await workflowsApi.run(id.value, controller.signal);
      run.value = null;
      accept(fresh);
      error.value = null;
    } catch (cause) {
      if (!isAbort(cause)) error.value = toError(cause);
    }
  }

  const stop = listenToWorkflows({ onRun: accept, onStale: () => void load() });
  watch(
    id,
    () => {
      run.value = null;
      void load();
    },
    { immediate: true },
  );
  onBeforeUnmount(() => {
    controller.abort();
    stop();
  });

  return { run, error, accept, reload: load };
}
