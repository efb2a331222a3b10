import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { StatsService } from '../../../services/tasks/stats-service.js';
export declare const statsRoutes: FastifyPluginAsyncZod<{
    resolve: () => {
        stats: StatsService;
    };
}>;
