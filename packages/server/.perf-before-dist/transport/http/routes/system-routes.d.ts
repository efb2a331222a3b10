/** GET /api/system: version, node, mode and the configuration without secrets. */
import { type SystemInfo } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
export declare const systemRoutes: FastifyPluginAsyncZod<{
    info: () => SystemInfo;
}>;
