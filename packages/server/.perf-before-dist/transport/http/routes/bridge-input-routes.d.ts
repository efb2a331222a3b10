import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { InputRequestService } from '../../../services/bridge/input/input-request-service.js';
import '../auth/access-types.js';
export declare const bridgeInputRoutes: FastifyPluginAsyncZod<{
    resolve: () => InputRequestService;
}>;
