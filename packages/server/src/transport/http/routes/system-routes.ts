/** GET /api/system: version, node, mode and the configuration without secrets. */
import { systemInfo, type SystemInfo } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const systemRoutes: FastifyPluginAsyncZod<{ info: () => SystemInfo }> = async (app, options) => {
  app.get('/api/system', { config: { access: 'viewer' }, schema: { response: { 200: systemInfo } } }, async () => options.info());
};
