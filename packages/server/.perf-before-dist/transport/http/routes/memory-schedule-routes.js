/** GET /api/memory/cleanup/schedule: the scheduled memory cleanup's schedule, leader and recent runs. */
import { memoryCleanupScheduleResult } from '@dash/shared';
export const memoryScheduleRoutes = async (app, options) => {
    app.get('/api/memory/cleanup/schedule', { config: { access: 'viewer' }, schema: { response: { 200: memoryCleanupScheduleResult } } }, async () => ({
        success: true,
        schedule: await options.status(),
    }));
};
//# sourceMappingURL=memory-schedule-routes.js.map