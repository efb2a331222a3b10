/**
 * The bridge's live topics (docs/api.md): `input-requests` carries every change of a question an
 * agent asked, `alerts` every change of an alert, each as the REST API returns it. A reset or the
 * first confirmation asks the caller to reload over REST (events from before it are not replayed).
 */
import type { StaticLiveTopic } from '@dash/shared';
import { useLiveFeedStore } from '../live-feed/live-feed-store';

export const inputRequestsTopic = 'input-requests' satisfies StaticLiveTopic;
export const alertsTopic = 'alerts' satisfies StaticLiveTopic;

export function listenToTopic<T>(topic: string, guard: (v: unknown) => v is T, handlers: { onItem: (item: T) => void; onStale: () => void }): () => void {
  let confirmed = false;
  return useLiveFeedStore().subscribe(topic, {
    event: (data) => {
      if (guard(data)) handlers.onItem(data);
    },
    subscribed: () => {
      if (confirmed) return;
      confirmed = true;
      handlers.onStale();
    },
    reset: () => handlers.onStale(),
  });
}

/** Replaces the item with the same id, or adds it; keeps `order`. */
export function upsert<T extends { id: string }>(list: readonly T[], item: T, order: (a: T, b: T) => number): T[] {
  return [...list.filter((x) => x.id !== item.id), item].sort(order);
}
