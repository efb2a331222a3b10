/**
 * The live-feed wire protocol as the browser sees it (packages/shared/src/schemas/live-feed.ts).
 * Types come from @dash/shared with `import type`; the few constants are repeated here so the
 * shared zod schemas stay out of the bundle, and `satisfies` ties them to the contract.
 * Incoming frames are checked structurally (type and the fields we branch on), not with zod.
 */
import type { LiveClientMessage, LiveServerMessage, StaticLiveTopic } from '@dash/shared';

export type { LiveClientMessage, LiveServerMessage };

export const LIVE_FEED_VERSION = 1 satisfies Extract<LiveServerMessage, { type: 'welcome' }>['v'];
export const LIVE_FEED_PATH = '/ws';

/** Close codes the server uses besides 1000 (see `liveCloseCodes` in the shared contract). */
export const liveCloseCodes = {
  goingAway: 1001,
  unauthorized: 4001,
  unsupportedVersion: 4002,
  slowConsumer: 4008,
} as const;

export const runTopic = (runId: string): string => `run:${runId}`;
export const isRunTopic = (topic: string): boolean => topic.startsWith('run:') && topic.length > 4;
export const employeesTopic = 'employees' satisfies StaticLiveTopic;
export const tasksTopic = 'tasks' satisfies StaticLiveTopic;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isSeq = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isString = (value: unknown): value is string => typeof value === 'string';

/** The frame as a server message, or null when it is not one we understand (ignored, not fatal). */
export function readServerMessage(frame: unknown): LiveServerMessage | null {
  if (!isString(frame)) return null;
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const ok = (() => {
    switch (value.type) {
      case 'welcome':
        return value.v === LIVE_FEED_VERSION && isString(value.serverId) && isSeq(value.heartbeatMs);
      case 'subscribed':
        return isString(value.topic) && isSeq(value.afterSeq) && (value.epoch === null || isString(value.epoch));
      case 'unsubscribed':
        return isString(value.topic);
      case 'event':
        return isString(value.topic) && isSeq(value.seq) && value.seq > 0 && 'data' in value;
      case 'reset':
        return isString(value.topic) && isString(value.epoch) && isSeq(value.afterSeq) && isString(value.reason);
      case 'error':
        return isString(value.code) && isString(value.message) && (value.topic === undefined || isString(value.topic));
      case 'pong':
        return true;
      case 'heartbeat':
        return isSeq(value.at);
      default:
        return false;
    }
  })();
  return ok ? (value as LiveServerMessage) : null;
}

/** `ws://host/ws` or `wss://host/ws` for the page's own origin. */
export function liveFeedUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${LIVE_FEED_PATH}`;
}
