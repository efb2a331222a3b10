/**
 * A RunTranscriptSession bound to a component: one per run id (a new id — e.g. after a follow-up
 * resumed the run — replaces it), stopped on unmount, fed by the tab's live-feed store.
 */
import { computed, onBeforeUnmount, shallowRef, watch, type Ref } from 'vue';
import { useLiveFeedStore } from '../live-feed/live-feed-store';
import { RunTranscriptSession, type RunTranscriptOptions } from './run-transcript-session';
import { runsApi, type RunsApi } from './runs-api';

export function useRunTranscript(runId: Ref<string>, api: RunsApi = runsApi, options: RunTranscriptOptions = {}) {
  const feed = useLiveFeedStore();
  const source = {
    subscribe: feed.subscribe,
    live: computed(() => feed.live),
    unavailable: computed(() => feed.state === 'reconnecting' || feed.state === 'unsupported'),
  };
  const session = shallowRef<RunTranscriptSession | null>(null);

  watch(
    runId,
    (id) => {
      session.value?.stop();
      const next = new RunTranscriptSession(id, api, source, options);
      session.value = next;
      void next.start();
    },
    { immediate: true },
  );
  watch(
    () => feed.status,
    () => session.value?.feedChanged(),
  );
  onBeforeUnmount(() => session.value?.stop());

  return session;
}
