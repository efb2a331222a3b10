/** GET /api/memory/cleanup/schedule: the scheduled memory cleanup's schedule, leader and recent runs. */
import { memoryCleanupScheduleResult, type ScheduledJobStatus } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export interface MemoryScheduleRoutesDeps {
  status(): Promise<ScheduledJobStatus>;
}

export const memoryScheduleRoutes: FastifyPluginAsyncZod<MemoryScheduleRoutesDeps> = async (app, options) => {
  app.get('/api/memory/cleanup/schedule', { config: { access: 'viewer' }, schema: { response: { 200: memoryCleanupScheduleResult } } }, async () => ({
    success: true as const,
    schedule: await options.status(),
  }));
};
