/**
 * The tab's live feed as a Pinia store: the connection status for the UI (banner, pages) and
 * `subscribe` for consumers. The client and its socket are created on the first subscription,
 * so pages that never listen open no connection.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import {
  LiveFeedClient,
  type LiveFeedClientOptions,
  type LiveFeedStatus,
  type SubscribeOptions,
  type TopicListener,
} from './live-feed-client';
import { liveFeedUrl } from './live-feed-protocol';
import { notifyUnauthorized } from '../../shared/api/auth-hooks';
import { http } from '../../shared/api/http-client';

/** A refused upgrade may mean the session was revoked: ask, and go to sign-in if it is gone. */
function checkSession(): void {
  http
    .get<{ authenticated?: unknown }>('/api/auth/session')
    .then((session) => {
      if (session.authenticated === false) notifyUnauthorized();
    })
    .catch(() => undefined);
}

const initialStatus: LiveFeedStatus = { state: 'idle', failures: 0, nextRetryAt: null, everOpened: false, lastCloseCode: null };

/** Tests (and only tests) replace the transport before the first subscription. */
let clientOptions: Partial<LiveFeedClientOptions> = {};
export function configureLiveFeed(options: Partial<LiveFeedClientOptions>): void {
  clientOptions = options;
}

export const useLiveFeedStore = defineStore('live-feed', () => {
  const status = shallowRef<LiveFeedStatus>(initialStatus);
  let client: LiveFeedClient | null = null;

  function getClient(): LiveFeedClient {
    if (!client) {
      client = new LiveFeedClient({ url: () => liveFeedUrl(), onRefused: checkSession, ...clientOptions });
      client.onStatus((next) => (status.value = next));
    }
    return client;
  }

  /** Listens to a topic; call the returned function to stop. */
  function subscribe(topic: string, listener: TopicListener, options?: SubscribeOptions): () => void {
    return getClient().subscribe(topic, listener, options);
  }

  function reconnectNow(): void {
    client?.reconnectNow();
  }

  /** Stops the client (tests; a page never needs this). */
  function $dispose(): void {
    client?.dispose();
    client = null;
    status.value = initialStatus;
  }

  const state = computed(() => status.value.state);
  /** Live updates are flowing. */
  const live = computed(() => status.value.state === 'open');
  /** A connection that worked was lost and is being retried (worth telling the user). */
  const interrupted = computed(() => status.value.everOpened && status.value.state === 'reconnecting');

  return { status, state, live, interrupted, subscribe, reconnectNow, $dispose };
});
