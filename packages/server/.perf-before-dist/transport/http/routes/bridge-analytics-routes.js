/** GET /api/bridge/analytics: performance figures from stored runs and tasks (docs/bridge.md). */
import { analyticsQuery, analyticsReport } from '@dash/shared';
import '../auth/access-types.js';
export const bridgeAnalyticsRoutes = async (app, options) => {
    app.get('/api/bridge/analytics', { config: { access: 'viewer' }, schema: { querystring: analyticsQuery, response: { 200: analyticsReport } } }, async (req) => options.resolve().report(req.query));
};
//# sourceMappingURL=bridge-analytics-routes.js.map