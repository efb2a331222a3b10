/**
 * /api/dispatch/gate: spend against budget (global and per employee, today UTC) and the
 * rate-limit pauses in force; DELETE /api/dispatch/pauses/:scope ends a pause early (a person
 * knows the limit was lifted). Rules live in services/budgets/dispatch-gate.ts.
 */
import { type DispatchGateStatus } from '@dash/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
export interface DispatchGateRoutesDeps {
    status(): Promise<DispatchGateStatus>;
    resume(scope: string): Promise<boolean>;
}
export declare const dispatchGateRoutes: FastifyPluginAsyncZod<{
    resolve: () => DispatchGateRoutesDeps;
}>;
