import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RegistrySyncService } from '../../../services/bridge/registry/registry-sync-service.js';
import '../auth/access-types.js';
export declare const bridgeRegistryRoutes: FastifyPluginAsyncZod<{
    resolve: () => RegistrySyncService;
}>;
