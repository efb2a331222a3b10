import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MemoryService } from '../../../services/memory/memory-service.js';
export interface MemoryRoutesDeps {
    memory: MemoryService;
}
/** The service opens with the store (after routes are registered): it is looked up per request. */
export declare const memoryRoutes: FastifyPluginAsyncZod<{
    resolve: () => MemoryRoutesDeps;
}>;
