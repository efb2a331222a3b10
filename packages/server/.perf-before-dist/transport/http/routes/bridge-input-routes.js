/**
 * Human input for agents (docs/bridge.md): the questions of a run, every pending question, and
 * the answer that goes back to the waiting agent; tool approvals (Claude Code permission prompts)
 * are decided allow/deny (docs/workspaces-and-approvals.md).
 */
import { answerInputBody, decideApprovalBody, inputRequest, inputRequestList, inputRequestParams, listInputRequestsQuery, runInputParams } from '@dash/shared';
import { actorOf } from './actor.js';
import '../auth/access-types.js';
export const bridgeInputRoutes = async (app, options) => {
    const inputs = options.resolve;
    app.get('/api/bridge/input-requests', { config: { access: 'viewer' }, schema: { querystring: listInputRequestsQuery, response: { 200: inputRequestList } } }, async (req) => ({
        items: await inputs().list({ limit: req.query.limit, ...(req.query.status && { status: req.query.status }) }),
    }));
    app.get('/api/bridge/runs/:runId/input-requests', { config: { access: 'viewer' }, schema: { params: runInputParams, response: { 200: inputRequestList } } }, async (req) => ({
        items: await inputs().listForRun(req.params.runId),
    }));
    app.post('/api/bridge/runs/:runId/input-requests/:requestId/answer', { config: { access: 'manager' }, schema: { params: inputRequestParams, body: answerInputBody, response: { 200: inputRequest } } }, async (req) => inputs().answer(req.params.runId, req.params.requestId, req.body.answer, actorOf(req)));
    app.post('/api/bridge/runs/:runId/input-requests/:requestId/decision', { config: { access: 'manager' }, schema: { params: inputRequestParams, body: decideApprovalBody, response: { 200: inputRequest } } }, async (req) => inputs().decide(req.params.runId, req.params.requestId, req.body.decision, req.body.message ?? null, actorOf(req)));
};
//# sourceMappingURL=bridge-input-routes.js.map