/** GET /api/cluster/replicas: the replicas sharing this store and their heartbeats (docs/operations.md). */
import { clusterReplicaList } from '@dash/shared';
export const clusterRoutes = async (app, options) => {
    app.get('/api/cluster/replicas', { config: { access: 'viewer' }, schema: { response: { 200: clusterReplicaList } } }, async () => options.list());
};
//# sourceMappingURL=cluster-routes.js.map