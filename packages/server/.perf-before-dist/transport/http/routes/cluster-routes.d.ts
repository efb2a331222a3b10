/** GET /api/cluster/replicas: the replicas sharing this store and their heartbeats (docs/operations.md). */
import { type ClusterReplicaList } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
export declare const clusterRoutes: FastifyPluginAsyncZod<{
    list: () => Promise<ClusterReplicaList>;
}>;
