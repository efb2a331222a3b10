import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TaskService } from '../../../services/tasks/task-service.js';
export interface TaskRoutesDeps {
    tasks: TaskService;
}
/** Services exist once the store is open (after routes are registered), hence the resolver. */
export declare const taskRoutes: FastifyPluginAsyncZod<{
    resolve: () => TaskRoutesDeps;
}>;
