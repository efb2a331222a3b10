/**
 * /api/bridge/alerts: the alerts (newest first), one alert, resolving one by hand, evaluating the
 * rules now, and the webhook deliveries with their attempts (docs/bridge.md).
 */
import { alert, alertDeliveryList, alertIdParams, alertList, listAlertDeliveriesQuery, listAlertsQuery } from '@dash/shared';
import { z } from 'zod';
import { actorOf } from './actor.js';
import '../auth/access-types.js';
const evaluation = z.object({ opened: z.number().int(), resolved: z.number().int(), open: z.number().int() });
export const bridgeAlertRoutes = async (app, options) => {
    const deps = options.resolve;
    app.get('/api/bridge/alerts', { config: { access: 'viewer' }, schema: { querystring: listAlertsQuery, response: { 200: alertList } } }, async (req) => ({
        items: await deps().alerts.list({ limit: req.query.limit, ...(req.query.status && { status: req.query.status }), ...(req.query.kind && { kind: req.query.kind }) }),
    }));
    // Static segments win over `:id` in the router.
    app.get('/api/bridge/alerts/deliveries', { config: { access: 'viewer' }, schema: { querystring: listAlertDeliveriesQuery, response: { 200: alertDeliveryList } } }, async (req) => ({
        items: await deps().deliveries.list({
            limit: req.query.limit,
            ...(req.query.status && { status: req.query.status }),
            ...(req.query.alertId && { alertId: req.query.alertId }),
        }),
    }));
    app.post('/api/bridge/alerts/evaluate', { config: { access: 'manager' }, schema: { response: { 200: evaluation } } }, async () => deps().evaluateNow());
    app.get('/api/bridge/alerts/:id', { config: { access: 'viewer' }, schema: { params: alertIdParams, response: { 200: alert } } }, async (req) => deps().alerts.get(req.params.id));
    app.post('/api/bridge/alerts/:id/resolve', { config: { access: 'manager' }, schema: { params: alertIdParams, response: { 200: alert } } }, async (req) => deps().alerts.resolve(req.params.id, actorOf(req)));
};
//# sourceMappingURL=bridge-alert-routes.js.map