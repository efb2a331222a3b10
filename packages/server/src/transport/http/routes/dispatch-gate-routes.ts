/**
 * /api/dispatch/gate: spend against budget (global and per employee, today UTC) and the
 * rate-limit pauses in force; DELETE /api/dispatch/pauses/:scope ends a pause early (a person
 * knows the limit was lifted); GET /api/tasks/:id/budget is one task's spend against its own
 * budget or the default. Rules live in services/budgets/dispatch-gate.ts.
 */
import { dispatchGateStatus, taskBudgetStatus, taskIdParams, type DispatchGateStatus, type TaskBudgetStatus } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../domain/app-error.js';

export interface DispatchGateRoutesDeps {
  status(): Promise<DispatchGateStatus>;
  resume(scope: string): Promise<boolean>;
  /** Throws TASK_NOT_FOUND for an unknown task. */
  taskBudget(taskId: string): Promise<TaskBudgetStatus>;
}

const tags = ['dispatch'];

export const dispatchGateRoutes: FastifyPluginAsyncZod<{ resolve: () => DispatchGateRoutesDeps }> = async (app, options) => {
  app.get(
    '/api/dispatch/gate',
    { config: { access: 'viewer' }, schema: { tags, summary: 'Spend against budgets and the rate-limit pauses in force', response: { 200: dispatchGateStatus } } },
    async () => options.resolve().status(),
  );

  app.get(
    '/api/tasks/:id/budget',
    {
      config: { access: 'viewer' },
      schema: { tags, summary: "A task's spend over all its runs against its own budget or the default", params: taskIdParams, response: { 200: taskBudgetStatus } },
    },
    async (req) => options.resolve().taskBudget(req.params.id),
  );

  app.delete(
    '/api/dispatch/pauses/:scope',
    { config: { access: 'manager' }, schema: { tags, summary: 'End a rate-limit pause now', params: z.object({ scope: z.string().min(1).max(200) }) } },
    async (req, reply) => {
      if (!(await options.resolve().resume(req.params.scope))) {
        throw new AppError('NOT_FOUND', { message: `No pause for ${req.params.scope}`, details: { field: 'scope' } });
      }
      return reply.code(204).send();
    },
  );
};
