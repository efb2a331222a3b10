/**
 * /api/workflows: templates (list, one, reload) and runs (start, list, read, cancel, approve or
 * reject a step). Handlers only translate HTTP to the workflow service; the rules live there.
 */
import { approveWorkflowStepBody, cancelWorkflowBody, listWorkflowRunsQuery, rejectWorkflowStepBody, startWorkflowBody, workflowRun, workflowRunList, workflowRunParams, workflowStepParams, workflowTemplateList, workflowTemplateParams, workflowTemplateView, } from '@dash/shared';
import { actorOf } from './actor.js';
const tags = ['workflows'];
export const workflowRoutes = async (app, options) => {
    const workflows = () => options.resolve().workflows;
    app.get('/api/workflows/templates', { config: { access: 'viewer' }, schema: { tags, summary: 'Workflow templates in force, with the loader status', response: { 200: workflowTemplateList } } }, async () => workflows().templates());
    app.get('/api/workflows/templates/:id', { config: { access: 'viewer' }, schema: { tags, summary: 'One workflow template', params: workflowTemplateParams, response: { 200: workflowTemplateView } } }, async (req) => workflows().template(req.params.id));
    app.post('/api/workflows/templates/reload', { config: { access: 'admin' }, schema: { tags, summary: 'Re-read the templates directory (422 WORKFLOW_TEMPLATE_INVALID keeps the templates in force)', response: { 200: workflowTemplateList } } }, async () => workflows().reloadTemplates());
    app.post('/api/workflows/runs', { config: { access: 'manager' }, schema: { tags, summary: 'Start a workflow run (templateId null: an agent chooses)', body: startWorkflowBody, response: { 201: workflowRun } } }, async (req, reply) => reply.code(201).send(await workflows().start(req.body, actorOf(req))));
    app.get('/api/workflows/runs', { config: { access: 'viewer' }, schema: { tags, summary: 'Workflow runs, newest first', querystring: listWorkflowRunsQuery, response: { 200: workflowRunList } } }, async (req) => workflows().list(req.query));
    app.get('/api/workflows/runs/:id', { config: { access: 'viewer' }, schema: { tags, summary: 'One workflow run with its steps, their tasks, outputs and decisions', params: workflowRunParams, response: { 200: workflowRun } } }, async (req) => workflows().get(req.params.id));
    app.post('/api/workflows/runs/:id/cancel', { config: { access: 'manager' }, schema: { tags, summary: 'Cancel a run (its open tasks are cancelled, their runs stopped)', params: workflowRunParams, body: cancelWorkflowBody.nullish(), response: { 200: workflowRun } } }, async (req) => workflows().cancel(req.params.id, req.body ?? {}, actorOf(req)));
    app.post('/api/workflows/runs/:id/steps/:key/approve', { config: { access: 'manager' }, schema: { tags, summary: 'Approve a step waiting for approval', params: workflowStepParams, body: approveWorkflowStepBody.nullish(), response: { 200: workflowRun } } }, async (req) => workflows().approve(req.params.id, req.params.key, req.body ?? {}, actorOf(req)));
    app.post('/api/workflows/runs/:id/steps/:key/reject', { config: { access: 'manager' }, schema: { tags, summary: 'Reject a step with a reason: its tasks run again with it', params: workflowStepParams, body: rejectWorkflowStepBody.nullish(), response: { 200: workflowRun } } }, async (req) => workflows().reject(req.params.id, req.params.key, req.body ?? {}, actorOf(req)));
};
//# sourceMappingURL=workflow-routes.js.map