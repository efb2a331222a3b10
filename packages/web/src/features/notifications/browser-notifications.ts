/**
 * Browser notifications for the transitions that need a human (the shared rules in
 * @dash/shared notifications.ts, the same as the webhooks): a task failed or is ready for review,
 * an agent asks a question, a tool use or a workflow step waits for approval. Never other events.
 *
 * Permission is asked only from a user action (`enable()` from a button); while it is not
 * granted nothing is shown. The choice to be notified is kept in localStorage. Each notification
 * is shown once per key in this tab (the feed may repeat a message after a reconnect).
 */
import { notificationFor, type Notification as DashNotification } from '@dash/shared';
import { ref, type Ref } from 'vue';
import { useLiveFeedStore } from '../live-feed/live-feed-store';

export const NOTIFY_TOPICS = ['tasks', 'input-requests', 'workflows'] as const;
const STORAGE_KEY = 'dash.notifications';
const SEEN_MAX = 500;

export type NotifyState = 'unsupported' | 'denied' | 'off' | 'on';

interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): { onclick: ((this: unknown, ev: Event) => unknown) | null; close(): void };
}

const api = (): NotificationApi | null => (typeof globalThis.Notification === 'function' ? (globalThis.Notification as unknown as NotificationApi) : null);

function stateNow(wanted: boolean): NotifyState {
  const n = api();
  if (n === null) return 'unsupported';
  if (n.permission === 'denied') return 'denied';
  return n.permission === 'granted' && wanted ? 'on' : 'off';
}

let shared: { state: Ref<NotifyState>; enable: () => Promise<void>; disable: () => void; stop: () => void } | null = null;

/** The app-wide notifier (one per tab): starts listening on first use. */
export function useBrowserNotifications(navigate: (path: string) => void = (path) => window.location.assign(path)) {
  if (shared) return shared;
  let wanted = localStorage.getItem(STORAGE_KEY) === 'on';
  const state = ref<NotifyState>(stateNow(wanted));
  const seen = new Set<string>();

  const show = (note: DashNotification): void => {
    const n = api();
    if (state.value !== 'on' || n === null || seen.has(note.key)) return;
    seen.add(note.key);
    if (seen.size > SEEN_MAX) seen.delete(seen.values().next().value as string);
    const shown = new n(note.title, { body: note.body, tag: note.key });
    shown.onclick = () => {
      window.focus();
      navigate(note.link);
      shown.close();
    };
  };

  // The live feed is followed only while notifications are on (no socket for nothing).
  const feed = useLiveFeedStore();
  let unsubscribes: Array<() => void> = [];
  const follow = (): void => {
    if (state.value !== 'on' || unsubscribes.length > 0) return;
    unsubscribes = NOTIFY_TOPICS.map((topic) =>
      feed.subscribe(topic, {
        event: (data) => {
          const note = notificationFor(topic, data);
          if (note) show(note);
        },
      }),
    );
  };
  const unfollow = (): void => {
    for (const u of unsubscribes.splice(0)) u();
  };
  follow();

  shared = {
    state,
    /** Call from a click: asks for permission when needed, then turns notifications on. */
    async enable() {
      const n = api();
      if (n === null) return;
      const permission = n.permission === 'default' ? await n.requestPermission() : n.permission;
      wanted = permission === 'granted';
      localStorage.setItem(STORAGE_KEY, wanted ? 'on' : 'off');
      state.value = stateNow(wanted);
      follow();
    },
    disable() {
      wanted = false;
      localStorage.setItem(STORAGE_KEY, 'off');
      state.value = stateNow(wanted);
      unfollow();
    },
    stop() {
      unfollow();
      shared = null;
    },
  };
  return shared;
}
