/**
 * /api/schedules: recurring tasks and workflow runs (list, create, read, change, delete, next fire
 * times). Handlers only translate HTTP to the schedule service; the rules live there.
 */
import { createScheduleBody, schedule, scheduleList, scheduleNextRuns, updateScheduleBody } from '@dash/shared';
import { z } from 'zod';
import { NEXT_RUNS_MAX } from '../../../services/schedules/schedule-service.js';
const tags = ['schedules'];
const params = z.object({ id: z.string().min(1).max(100) });
const nextQuery = z.object({ count: z.coerce.number().int().min(1).max(NEXT_RUNS_MAX).default(5) }).strict();
export const scheduleRoutes = async (app, options) => {
    const schedules = () => options.resolve();
    app.get('/api/schedules', { config: { access: 'viewer' }, schema: { tags, summary: 'Schedules with their next fire times', response: { 200: scheduleList } } }, async () => ({
        items: await schedules().list(),
    }));
    app.post('/api/schedules', { config: { access: 'manager' }, schema: { tags, summary: 'Create a schedule', body: createScheduleBody, response: { 201: schedule } } }, async (req, reply) => reply.code(201).send(await schedules().create(req.body)));
    app.get('/api/schedules/:id', { config: { access: 'viewer' }, schema: { tags, summary: 'One schedule', params, response: { 200: schedule } } }, async (req) => schedules().get(req.params.id));
    app.patch('/api/schedules/:id', { config: { access: 'manager' }, schema: { tags, summary: 'Change a schedule (enable, disable, new expression …)', params, body: updateScheduleBody, response: { 200: schedule } } }, async (req) => schedules().update(req.params.id, req.body));
    app.delete('/api/schedules/:id', { config: { access: 'manager' }, schema: { tags, summary: 'Delete a schedule', params } }, async (req, reply) => {
        await schedules().remove(req.params.id);
        return reply.code(204).send();
    });
    app.get('/api/schedules/:id/next', { config: { access: 'viewer' }, schema: { tags, summary: 'The next fire times', params, querystring: nextQuery, response: { 200: scheduleNextRuns } } }, async (req) => ({ id: req.params.id, times: await schedules().nextRuns(req.params.id, req.query.count) }));
};
//# sourceMappingURL=schedule-routes.js.map