/** GET /api/bridge/tasks/:taskId/links: subtasks agents created for a task, and its own parent. */
import { taskIdParams, taskLinks } from '@dash/shared';
import '../auth/access-types.js';
export const bridgeTaskLinkRoutes = async (app, options) => {
    app.get('/api/bridge/tasks/:id/links', { config: { access: 'viewer' }, schema: { params: taskIdParams, response: { 200: taskLinks } } }, async (req) => {
        const links = options.resolve();
        const [parent, children] = await Promise.all([links.parent(req.params.id), links.children(req.params.id)]);
        return { parent, children };
    });
};
//# sourceMappingURL=bridge-task-link-routes.js.map