import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TaskLinkRepository } from '../../../ports/task-link-repository.js';
import '../auth/access-types.js';
export declare const bridgeTaskLinkRoutes: FastifyPluginAsyncZod<{
    resolve: () => TaskLinkRepository;
}>;
