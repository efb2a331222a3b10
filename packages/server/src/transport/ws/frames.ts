/**
 * Encoding of server → client frames. Messages are typed by the shared schema and serialized once:
 * topic messages are shared by every listener, and a live run event (the same object reaches every
 * subscriber of a run on this server, one after another) is encoded once however many clients
 * watch the run.
 *
 * Only the newest event per run topic is cached. A cache keyed by every event (a WeakMap) kept an
 * encoded copy alive for as long as the run-event ring held the event, which doubled the heap cost
 * of the rings (soak: ~350 of ~650 bytes per held event). Replays from the ring are re-encoded.
 */
import type { LiveServerMessage, RunEvent } from '@dash/shared';

export const encodeFrame = (message: LiveServerMessage): string => JSON.stringify(message);

/** Topics remembered at once (runs streaming on this server); the oldest is forgotten first. */
const MAX_CACHED_TOPICS = 512;
const lastFrame = new Map<string, { event: RunEvent; frame: string }>();

export function encodeRunEvent(topic: string, event: RunEvent): string {
  const cached = lastFrame.get(topic);
  if (cached?.event === event) return cached.frame;
  const frame = encodeFrame({ type: 'event', topic, seq: event.seq, data: event });
  lastFrame.delete(topic);
  lastFrame.set(topic, { event, frame });
  if (lastFrame.size > MAX_CACHED_TOPICS) {
    const oldest = lastFrame.keys().next().value;
    if (oldest !== undefined) lastFrame.delete(oldest);
  }
  return frame;
}
