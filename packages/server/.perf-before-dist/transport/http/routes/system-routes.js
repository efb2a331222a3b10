/** GET /api/system: version, node, mode and the configuration without secrets. */
import { systemInfo } from '@dash/shared';
export const systemRoutes = async (app, options) => {
    app.get('/api/system', { config: { access: 'viewer' }, schema: { response: { 200: systemInfo } } }, async () => options.info());
};
//# sourceMappingURL=system-routes.js.map