/** GET /api/stats: task counts by status, throughput over the last 24 h, cost today and in total. */
import { dashboardStats } from '@dash/shared';
export const statsRoutes = async (app, options) => {
    app.get('/api/stats', { config: { access: 'viewer' }, schema: { tags: ['stats'], summary: 'Dashboard figures', response: { 200: dashboardStats } } }, async () => options.resolve().stats.dashboard());
};
//# sourceMappingURL=stats-routes.js.map