/** GET /api/bridge/analytics: performance figures from stored runs and tasks (docs/bridge.md). */
import { analyticsQuery, analyticsReport } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AnalyticsService } from '../../../services/bridge/analytics/analytics-service.js';
import '../auth/access-types.js';

export const bridgeAnalyticsRoutes: FastifyPluginAsyncZod<{ resolve: () => AnalyticsService }> = async (app, options) => {
  app.get('/api/bridge/analytics', { config: { access: 'viewer' }, schema: { querystring: analyticsQuery, response: { 200: analyticsReport } } }, async (req) =>
    options.resolve().report(req.query),
  );
};
