/**
 * GET /api/cluster/replicas: the backend replicas that share this store, as their heartbeats
 * show them (docs/operations.md, "Replicas").
 */
import { z } from 'zod';

/** alive: beating; stopped: shut down cleanly; dead: its heartbeat stopped and its runs were recovered. */
export const replicaState = z.enum(['alive', 'stopped', 'dead']);
export type ReplicaState = z.infer<typeof replicaState>;

export const clusterReplica = z.object({
  nodeId: z.string(),
  /** SERVICE_ROLE of the process (`all`, `api,worker` …). */
  role: z.string(),
  /** Random per process start: a changed value means the replica restarted. */
  instance: z.string(),
  /** host:port the replica listens on (for operators; run control goes through the bus). */
  address: z.string().nullable(),
  pid: z.number().int(),
  startedAt: z.string(),
  lastBeatAt: z.string(),
  /** Heartbeats written since start. */
  beats: z.number().int().nonnegative(),
  state: replicaState,
  /** When it stopped cleanly or was declared dead. */
  endedAt: z.string().nullable(),
  /** Agent runs the store records as active on this replica. */
  activeRuns: z.number().int().nonnegative(),
});
export type ClusterReplica = z.infer<typeof clusterReplica>;

export const clusterReplicaList = z.object({
  /** The replica that answered. */
  self: z.string(),
  items: z.array(clusterReplica),
});
export type ClusterReplicaList = z.infer<typeof clusterReplicaList>;
