/**
 * /api/runs: start, list, inspect, stop and follow up agent runs; page through and download a
 * run's event log. /api/agents/runtimes: which agent CLIs are installed. /api/usage: token and
 * cost roll-ups.
 */
import { followUpBody, followUpResult, isTerminalRunStatus, listRunsQuery, run, runEventsPage, runEventsQuery, runIdParams, runList, runLogQuery, runtimeList, startRunBody, usageQuery, usageRollup, } from '@dash/shared';
import { Readable } from 'node:stream';
import { AppError } from '../../../domain/app-error.js';
import { principalOf } from './actor.js';
import { formatEventAsText } from './run-log-text.js';
const DAY_MS = 24 * 3600 * 1000;
/**
 * Services are created when the store opens (after routes are registered), so the plugin takes a
 * resolver and looks them up per request.
 */
export const runRoutes = async (app, options) => {
    const services = options.resolve;
    app.post('/api/runs', { config: { access: 'manager' }, schema: { body: startRunBody, response: { 201: run } } }, async (req, reply) => {
        requireAdminForUnsafeRun(req, req.body);
        const started = await services().runService.start(req.body);
        return reply.code(201).send(started);
    });
    app.get('/api/runs', { config: { access: 'viewer' }, schema: { querystring: listRunsQuery, response: { 200: runList } } }, async (req) => {
        const q = req.query;
        return services().runs.list({
            limit: q.limit,
            ...(q.status && { status: q.status }),
            ...(q.taskId && { taskId: q.taskId }),
            ...(q.employeeId && { employeeId: q.employeeId }),
            ...(q.cursor && { cursor: q.cursor }),
        });
    });
    app.get('/api/runs/:id', { config: { access: 'viewer' }, schema: { params: runIdParams, response: { 200: run } } }, async (req) => services().runService.get(req.params.id));
    app.post('/api/runs/:id/stop', { config: { access: 'manager' }, schema: { params: runIdParams, response: { 200: run } } }, async (req) => stopRun(services(), req.params.id));
    app.post('/api/runs/:id/follow-up', { config: { access: 'manager' }, schema: { params: runIdParams, body: followUpBody, response: { 200: followUpResult, 201: followUpResult } } }, async (req, reply) => {
        const deps = services();
        const result = await (deps.control ?? deps.runService).followUp(req.params.id, req.body.text);
        return reply.code(result.mode === 'resumed' ? 201 : 200).send(result);
    });
    app.get('/api/runs/:id/events', { config: { access: 'viewer' }, schema: { params: runIdParams, querystring: runEventsQuery, response: { 200: runEventsPage } } }, async (req) => {
        const current = await services().runService.get(req.params.id);
        const events = await services().eventLog.read(current.id, req.query.after, req.query.limit);
        const nextAfter = events[events.length - 1]?.seq ?? req.query.after;
        const complete = isTerminalRunStatus(current.status) && events.length < req.query.limit;
        return { runId: current.id, events, nextAfter, complete };
    });
    app.get('/api/runs/:id/log', { config: { access: 'viewer' }, schema: { params: runIdParams, querystring: runLogQuery } }, async (req, reply) => {
        const current = await services().runService.get(req.params.id);
        const text = req.query.format === 'text';
        reply
            .header('content-type', text ? 'text/plain; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
            .header('content-disposition', `attachment; filename="run-${current.id}.${text ? 'txt' : 'ndjson'}"`);
        return reply.send(Readable.from(streamLog(services().eventLog, current.id, (e) => (text ? formatEventAsText(e) : JSON.stringify(e)))));
    });
    app.get('/api/agents/runtimes', { config: { access: 'viewer' }, schema: { response: { 200: runtimeList } } }, async () => ({
        runtimes: await services().supervisor.detectRuntimes(),
    }));
    app.get('/api/usage', { config: { access: 'viewer' }, schema: { querystring: usageQuery, response: { 200: usageRollup } } }, async (req) => {
        const to = req.query.to ?? new Date(Date.now() + DAY_MS).toISOString();
        const from = req.query.from ?? new Date(Date.parse(to) - 31 * DAY_MS).toISOString();
        const rows = await services().runs.usageRollup(req.query.groupBy, { from, to });
        return { groupBy: req.query.groupBy, from, to, rows };
    });
};
const stopRun = (deps, runId) => (deps.control ? deps.control.stopRun(runId) : deps.runService.stop(runId));
/**
 * Safe defaults for ad-hoc runs: only an admin may start one with `bypassPermissions` (the agent
 * would run any tool without asking) or on the `shell` runtime (a command of the caller's choice).
 * Employees' runtime configs are admin-only already (PATCH /api/employees/:id).
 */
function requireAdminForUnsafeRun(req, body) {
    if (principalOf(req).role === 'admin')
        return;
    if (body.permissionMode === 'bypassPermissions') {
        throw new AppError('FORBIDDEN', { message: 'Only an admin may start a run with bypassPermissions', fields: [{ path: 'body.permissionMode', message: 'admin only' }] });
    }
    if (body.runtime === 'shell') {
        throw new AppError('FORBIDDEN', { message: 'Only an admin may start a shell-runtime run', fields: [{ path: 'body.runtime', message: 'admin only' }] });
    }
}
/** Streams the whole log page by page, so a 50 MB log never sits in memory at once. */
async function* streamLog(log, runId, format) {
    let after = 0;
    for (;;) {
        const page = await log.read(runId, after, 2000);
        if (page.length === 0)
            return;
        yield page.map((e) => `${format(e)}\n`).join('');
        after = page[page.length - 1]?.seq ?? after;
    }
}
//# sourceMappingURL=run-routes.js.map