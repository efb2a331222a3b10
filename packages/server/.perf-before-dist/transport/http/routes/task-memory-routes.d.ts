/**
 * GET /api/tasks/:id/memories: which memories the task's runs used (with relevance) and which
 * memory each run wrote (services/dispatch/run-memory.ts). 404 TASK_NOT_FOUND for an unknown task.
 */
import { type TaskMemories } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TaskService } from '../../../services/tasks/task-service.js';
export interface TaskMemoryRoutesDeps {
    tasks: Pick<TaskService, 'get'>;
    memories: {
        forTask(taskId: string): Promise<TaskMemories>;
    };
}
/** Services exist once the store is open (after routes are registered), hence the resolver. */
export declare const taskMemoryRoutes: FastifyPluginAsyncZod<{
    resolve: () => TaskMemoryRoutesDeps;
}>;
