/**
 * The live feed: JSON text frames over the WebSocket at `/ws`, protocol version 1.
 *
 * Topics: `run:<runId>` (a run's events; seq = the run's stored event seq, valid on every server),
 * `tasks` and `employees` (the changed entity, as the REST API returns it, or `{id, deleted: true}`
 * / `{id, retired: true}` when it is gone), `metrics` (a snapshot every 2 s while someone
 * listens). Every `event` on a topic carries `seq`; the events of one subscription arrive with
 * consecutive seqs.
 *
 * Resume guarantee: subscribe again with `afterSeq` = the last seq received (and, for topics other
 * than runs, the `epoch` from `subscribed`) and you get exactly the missed events: no gap, no
 * duplicate. Non-run seqs are numbered by the server you are connected to and only mean something
 * within its `epoch`; when the server cannot serve the gap (other epoch, older than its buffer, or
 * its bus connection was interrupted) it answers `reset`: refetch that topic over REST, then apply
 * the events that follow (seq > `afterSeq` of the reset).
 */
import { z } from 'zod';
import { runEvent } from './agent-events.js';

export const LIVE_FEED_VERSION = 1;
export const LIVE_FEED_PATH = '/ws';

/** Close codes the server uses besides the standard ones (1001 going away, 1009 too big). */
export const liveCloseCodes = {
  /** The server is shutting down or restarting: reconnect (to another replica) with backoff. */
  goingAway: 1001,
  /** The session or token the connection was opened with was revoked or expired: sign in again. */
  unauthorized: 4001,
  /** The hello named a protocol version this server does not speak. */
  unsupportedVersion: 4002,
  /** Policy: the client read too slowly and its outgoing buffer overflowed. Reconnect and resume. */
  slowConsumer: 4008,
} as const;

export const staticLiveTopics = ['tasks', 'employees', 'metrics', 'workflows', 'input-requests', 'alerts'] as const;
export type StaticLiveTopic = (typeof staticLiveTopics)[number];

const RUN_TOPIC_PREFIX = 'run:';
export const runLiveTopic = (runId: string): string => `${RUN_TOPIC_PREFIX}${runId}`;
/** The run id of a `run:<id>` topic, or null for any other topic. */
export const runIdOfLiveTopic = (topic: string): string | null =>
  topic.startsWith(RUN_TOPIC_PREFIX) && topic.length > RUN_TOPIC_PREFIX.length ? topic.slice(RUN_TOPIC_PREFIX.length) : null;
export const isStaticLiveTopic = (topic: string): topic is StaticLiveTopic => (staticLiveTopics as readonly string[]).includes(topic);

/** Syntactically a topic; whether it exists is the server's answer (`LIVE_TOPIC_UNKNOWN`). */
export const liveTopic = z.string().min(1).max(120).regex(/^\S+$/, 'a topic has no spaces');
const seq = z.number().int().nonnegative();
/** Identifies one numbering of the non-run topics on one server instance. */
const epoch = z.string().min(1).max(100);

// ---- client → server -----------------------------------------------------------------------

export const liveSubscription = z
  .object({
    topic: liveTopic,
    /** Deliver events with seq > afterSeq. Runs: default 0 (whole history). Others: default now. */
    afterSeq: seq.optional(),
    /** Required with afterSeq for non-run topics: the epoch that afterSeq belongs to. */
    epoch: epoch.optional(),
  })
  .strict();
export type LiveSubscription = z.infer<typeof liveSubscription>;

export const MAX_LIVE_SUBSCRIPTIONS = 256;

/** Must be the first message. `resume` re-subscribes everything after a reconnect in one go. */
export const helloMessage = z
  .object({
    type: z.literal('hello'),
    v: z.number().int().positive(),
    resume: z.object({ subscriptions: z.array(liveSubscription).max(MAX_LIVE_SUBSCRIPTIONS) }).strict().optional(),
  })
  .strict();
export const subscribeMessage = liveSubscription.extend({ type: z.literal('subscribe') }).strict();
export const unsubscribeMessage = z.object({ type: z.literal('unsubscribe'), topic: liveTopic }).strict();
/** Application-level ping (browsers cannot send protocol pings); answered by `pong` with the same id. */
export const pingMessage = z.object({ type: z.literal('ping'), id: z.string().max(100).optional() }).strict();

export const liveClientMessage = z.discriminatedUnion('type', [helloMessage, subscribeMessage, unsubscribeMessage, pingMessage]);
export type LiveClientMessage = z.infer<typeof liveClientMessage>;

// ---- server → client -----------------------------------------------------------------------

export const welcomeMessage = z.object({
  type: z.literal('welcome'),
  v: z.literal(LIVE_FEED_VERSION),
  /** The replica answering (NODE_ID). */
  serverId: z.string(),
  /** The server sends `heartbeat` this often; treat ~2 missed heartbeats as a dead connection. */
  heartbeatMs: z.number().int().positive(),
});

/** The subscription is live; the events that follow on `topic` have seq > afterSeq, consecutive. */
export const subscribedMessage = z.object({
  type: z.literal('subscribed'),
  topic: liveTopic,
  /** null for run topics, whose seq is the stored event seq and means the same on every server. */
  epoch: epoch.nullable(),
  afterSeq: seq,
});

export const unsubscribedMessage = z.object({ type: z.literal('unsubscribed'), topic: liveTopic });

/** One message on a topic. `data` is a RunEvent, a task, an employee or a MetricsSnapshot. */
export const liveEventMessage = z.object({
  type: z.literal('event'),
  topic: liveTopic,
  seq: z.number().int().positive(),
  data: z.unknown(),
});

export const liveResetReason = z.enum(['epoch', 'gap', 'bus']);
/**
 * The events after the client's afterSeq cannot be replayed (`epoch`: another server or a
 * restart; `gap`: older than the server's buffer; `bus`: the server missed messages while its
 * bus connection was down). Refetch the topic over REST; live events continue with seq > afterSeq.
 */
export const resetMessage = z.object({
  type: z.literal('reset'),
  topic: liveTopic,
  epoch,
  afterSeq: seq,
  reason: liveResetReason,
});

/** A request failed; the connection stays open. `topic` names the subscription concerned. */
export const liveErrorMessage = z.object({
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
  topic: liveTopic.optional(),
});

export const pongMessage = z.object({ type: z.literal('pong'), id: z.string().optional() });
export const heartbeatMessage = z.object({ type: z.literal('heartbeat'), at: z.number().int().nonnegative() });

export const liveServerMessage = z.discriminatedUnion('type', [
  welcomeMessage,
  subscribedMessage,
  unsubscribedMessage,
  liveEventMessage,
  resetMessage,
  liveErrorMessage,
  pongMessage,
  heartbeatMessage,
]);
export type LiveServerMessage = z.infer<typeof liveServerMessage>;
export type LiveEventMessage = z.infer<typeof liveEventMessage>;

// ---- topic payloads ------------------------------------------------------------------------

/**
 * What the `metrics` topic carries. A field is null when this server has no source for it.
 * Active processes are those of the replica you are connected to; the rest is global.
 */
export const metricsSnapshot = z.object({
  /** ISO 8601. */
  at: z.string(),
  serverId: z.string(),
  activeProcesses: z.number().int().nonnegative().nullable(),
  /** Queued work by state, e.g. `{ waiting: 3, active: 2 }`. */
  queueDepth: z.record(z.string(), z.number().nonnegative()).nullable(),
  runningTasks: z.number().int().nonnegative().nullable(),
  /** Cost of runs started since 00:00 UTC. */
  costTodayUsd: z.number().nonnegative().nullable(),
});
export type MetricsSnapshot = z.infer<typeof metricsSnapshot>;

export const liveRunEventMessage = liveEventMessage.extend({ data: runEvent });
export const liveMetricsMessage = liveEventMessage.extend({ data: metricsSnapshot });
