/** GET /api/stats: task counts by status, throughput over the last 24 h, cost today and in total. */
import { dashboardStats } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { StatsService } from '../../../services/tasks/stats-service.js';

export const statsRoutes: FastifyPluginAsyncZod<{ resolve: () => { stats: StatsService } }> = async (app, options) => {
  app.get('/api/stats', { config: { access: 'viewer' }, schema: { tags: ['stats'], summary: 'Dashboard figures', response: { 200: dashboardStats } } }, async () =>
    options.resolve().stats.dashboard(),
  );
};
