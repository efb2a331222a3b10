/** GET /api/memory/cleanup/schedule: the scheduled memory cleanup's schedule, leader and recent runs. */
import { type ScheduledJobStatus } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
export interface MemoryScheduleRoutesDeps {
    status(): Promise<ScheduledJobStatus>;
}
export declare const memoryScheduleRoutes: FastifyPluginAsyncZod<MemoryScheduleRoutesDeps>;
