/** GET /api/cluster/replicas: the replicas sharing this store and their heartbeats (docs/operations.md). */
import { clusterReplicaList, type ClusterReplicaList } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const clusterRoutes: FastifyPluginAsyncZod<{ list: () => Promise<ClusterReplicaList> }> = async (app, options) => {
  app.get('/api/cluster/replicas', { config: { access: 'viewer' }, schema: { response: { 200: clusterReplicaList } } }, async () => options.list());
};
