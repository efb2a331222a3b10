/**
 * GET /api/tasks/:id/memories: which memories the task's runs used (with relevance) and which
 * memory each run wrote (services/dispatch/run-memory.ts). 404 TASK_NOT_FOUND for an unknown task.
 */
import { taskIdParams, taskMemories } from '@dash/shared';
/** Services exist once the store is open (after routes are registered), hence the resolver. */
export const taskMemoryRoutes = async (app, options) => {
    app.get('/api/tasks/:id/memories', {
        config: { access: 'viewer' },
        schema: {
            tags: ['tasks'],
            summary: 'Memories the task\'s runs used and wrote',
            params: taskIdParams,
            response: { 200: taskMemories },
        },
    }, async (req) => {
        const deps = options.resolve();
        await deps.tasks.get(req.params.id);
        return deps.memories.forTask(req.params.id);
    });
};
//# sourceMappingURL=task-memory-routes.js.map