import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AnalyticsService } from '../../../services/bridge/analytics/analytics-service.js';
import '../auth/access-types.js';
export declare const bridgeAnalyticsRoutes: FastifyPluginAsyncZod<{
    resolve: () => AnalyticsService;
}>;
