/**
 * /api/tasks: create, list (filters and cursor), read, edit, delete; cancel; the review loop
 * (resolve, reopen with a reason); comments, the status timeline and the runs of a task.
 * Handlers only translate HTTP to the task service; every rule lives there and in domain/tasks.
 */
import { cancelTaskBody, createTaskBody, listTasksQuery, reopenTaskBody, resolveTaskBody, runList, task, taskComment, taskCommentBody, taskCommentList, taskIdParams, taskList, taskRunsQuery, taskTimeline, updateTaskBody, } from '@dash/shared';
import { actorOf } from './actor.js';
const tags = ['tasks'];
/** Services exist once the store is open (after routes are registered), hence the resolver. */
export const taskRoutes = async (app, options) => {
    const tasks = () => options.resolve().tasks;
    app.post('/api/tasks', { config: { access: 'manager' }, schema: { tags, summary: 'Create a task', body: createTaskBody, response: { 201: task } } }, async (req, reply) => reply.code(201).send(await tasks().create(req.body, actorOf(req))));
    app.get('/api/tasks', { config: { access: 'viewer' }, schema: { tags, summary: 'List tasks, newest first', querystring: listTasksQuery, response: { 200: taskList } } }, async (req) => tasks().list(req.query));
    app.get('/api/tasks/:id', { config: { access: 'viewer' }, schema: { tags, summary: 'One task', params: taskIdParams, response: { 200: task } } }, async (req) => tasks().get(req.params.id));
    app.patch('/api/tasks/:id', { config: { access: 'manager' }, schema: { tags, summary: 'Edit allow-listed fields (names the version read)', params: taskIdParams, body: updateTaskBody, response: { 200: task } } }, async (req) => tasks().update(req.params.id, req.body, actorOf(req)));
    app.delete('/api/tasks/:id', { config: { access: 'manager' }, schema: { tags, summary: 'Delete a task that is not running', params: taskIdParams } }, async (req, reply) => {
        await tasks().delete(req.params.id, actorOf(req));
        return reply.code(204).send();
    });
    app.post('/api/tasks/:id/cancel', { config: { access: 'manager' }, schema: { tags, summary: 'Cancel (stops its run)', params: taskIdParams, body: cancelTaskBody.nullish(), response: { 200: task } } }, async (req) => tasks().cancel(req.params.id, req.body ?? {}, actorOf(req)));
    app.post('/api/tasks/:id/resolve', { config: { access: 'manager' }, schema: { tags, summary: 'Accept a completed task', params: taskIdParams, body: resolveTaskBody.nullish(), response: { 200: task } } }, async (req) => tasks().resolve(req.params.id, req.body ?? {}, actorOf(req)));
    app.post('/api/tasks/:id/reopen', { config: { access: 'manager' }, schema: { tags, summary: 'Reject a result with a reason; the task runs again', params: taskIdParams, body: reopenTaskBody.nullish(), response: { 200: task } } }, async (req) => tasks().reopen(req.params.id, req.body ?? {}, actorOf(req)));
    app.get('/api/tasks/:id/comments', { config: { access: 'viewer' }, schema: { tags, summary: 'Comments, oldest first', params: taskIdParams, response: { 200: taskCommentList } } }, async (req) => ({ items: await tasks().comments(req.params.id) }));
    app.post('/api/tasks/:id/comments', { config: { access: 'manager' }, schema: { tags, summary: 'Add a comment', params: taskIdParams, body: taskCommentBody, response: { 201: taskComment } } }, async (req, reply) => reply.code(201).send(await tasks().addComment(req.params.id, req.body, actorOf(req))));
    app.get('/api/tasks/:id/timeline', { config: { access: 'viewer' }, schema: { tags, summary: 'Status changes: who, when, why', params: taskIdParams, response: { 200: taskTimeline } } }, async (req) => ({ items: await tasks().timeline(req.params.id) }));
    app.get('/api/tasks/:id/runs', { config: { access: 'viewer' }, schema: { tags, summary: 'Runs of the task, newest first', params: taskIdParams, querystring: taskRunsQuery, response: { 200: runList } } }, async (req) => tasks().runs(req.params.id, req.query));
};
//# sourceMappingURL=task-routes.js.map