import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TaskService } from '../../../services/tasks/task-service.js';
import type { WorkspaceService } from '../../../services/workspaces/workspace-service.js';
import '../auth/access-types.js';
export interface WorkspaceRoutesDeps {
    tasks: Pick<TaskService, 'get'>;
    workspaces: WorkspaceService;
}
export declare const workspaceRoutes: FastifyPluginAsyncZod<{
    resolve: () => WorkspaceRoutesDeps;
}>;
