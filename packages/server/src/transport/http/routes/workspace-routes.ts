/**
 * Isolated task workspaces (docs/workspaces-and-approvals.md): the workspace of a task, its diff
 * against the base (paged by file, read on request), and the actions commit / merge / discard
 * (manager). 404 TASK_NOT_FOUND for an unknown task. Reading the workspace of a task that has none
 * answers 200 `null` — most tasks have none, and the task page asks for every task, so that is a
 * normal state, not an error; the diff and the actions answer 404 WORKSPACE_NOT_FOUND then.
 */
import { commitWorkspaceBody, mergeWorkspaceBody, taskIdParams, taskWorkspace, workspaceDiff, workspaceDiffQuery } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TaskService } from '../../../services/tasks/task-service.js';
import type { WorkspaceService } from '../../../services/workspaces/workspace-service.js';
import { actorOf } from './actor.js';
import '../auth/access-types.js';

export interface WorkspaceRoutesDeps {
  tasks: Pick<TaskService, 'get'>;
  workspaces: WorkspaceService;
}

const tags = ['tasks'];

export const workspaceRoutes: FastifyPluginAsyncZod<{ resolve: () => WorkspaceRoutesDeps }> = async (app, options) => {
  const deps = async (taskId: string): Promise<WorkspaceService> => {
    const d = options.resolve();
    await d.tasks.get(taskId);
    return d.workspaces;
  };

  app.get(
    '/api/tasks/:id/workspace',
    { config: { access: 'viewer' }, schema: { tags, summary: "The task's isolated workspace, or null when it has none", params: taskIdParams, response: { 200: taskWorkspace.nullable() } } },
    async (req, reply) => reply.send(await (await deps(req.params.id)).get(req.params.id)),
  );

  app.get(
    '/api/tasks/:id/workspace/diff',
    { config: { access: 'viewer' }, schema: { tags, summary: 'Changes against the base, paged by file', params: taskIdParams, querystring: workspaceDiffQuery, response: { 200: workspaceDiff } } },
    async (req) => (await deps(req.params.id)).diff(req.params.id, req.query.page),
  );

  app.post(
    '/api/tasks/:id/workspace/commit',
    { config: { access: 'manager' }, schema: { tags, summary: 'Commit every change in the worktree', params: taskIdParams, body: commitWorkspaceBody, response: { 200: taskWorkspace } } },
    async (req) => (await deps(req.params.id)).commit(req.params.id, req.body.message, actorOf(req)),
  );

  app.post(
    '/api/tasks/:id/workspace/merge',
    { config: { access: 'manager' }, schema: { tags, summary: 'Merge the branch into its base', params: taskIdParams, body: mergeWorkspaceBody, response: { 200: taskWorkspace } } },
    async (req) => (await deps(req.params.id)).merge(req.params.id, req.body.mode, actorOf(req)),
  );

  app.post(
    '/api/tasks/:id/workspace/discard',
    { config: { access: 'manager' }, schema: { tags, summary: 'Remove the worktree and its branch', params: taskIdParams, response: { 200: taskWorkspace } } },
    async (req) => (await deps(req.params.id)).discard(req.params.id, actorOf(req)),
  );
};
