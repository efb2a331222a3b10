import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AlertService } from '../../../services/bridge/alerts/alert-service.js';
import type { AlertDeliveryRepository } from '../../../ports/alert-delivery-repository.js';
import '../auth/access-types.js';
export interface BridgeAlertRoutesDeps {
    alerts: AlertService;
    deliveries: AlertDeliveryRepository;
    /** Evaluates now and sends what is due. */
    evaluateNow(): Promise<{
        opened: number;
        resolved: number;
        open: number;
    }>;
}
export declare const bridgeAlertRoutes: FastifyPluginAsyncZod<{
    resolve: () => BridgeAlertRoutesDeps;
}>;
