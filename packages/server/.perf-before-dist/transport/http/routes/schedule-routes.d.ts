import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type ScheduleService } from '../../../services/schedules/schedule-service.js';
export declare const scheduleRoutes: FastifyPluginAsyncZod<{
    resolve: () => ScheduleService;
}>;
