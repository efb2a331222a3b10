import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WorkflowService } from '../../../services/workflows/workflow-service.js';
export interface WorkflowRoutesDeps {
    workflows: WorkflowService;
}
export declare const workflowRoutes: FastifyPluginAsyncZod<{
    resolve: () => WorkflowRoutesDeps;
}>;
