/**
 * /api/dispatch/gate: spend against budget (global and per employee, today UTC) and the
 * rate-limit pauses in force; DELETE /api/dispatch/pauses/:scope ends a pause early (a person
 * knows the limit was lifted). Rules live in services/budgets/dispatch-gate.ts.
 */
import { dispatchGateStatus } from '@dash/shared';
import { z } from 'zod';
import { AppError } from '../../../domain/app-error.js';
const tags = ['dispatch'];
export const dispatchGateRoutes = async (app, options) => {
    app.get('/api/dispatch/gate', { config: { access: 'viewer' }, schema: { tags, summary: 'Spend against budgets and the rate-limit pauses in force', response: { 200: dispatchGateStatus } } }, async () => options.resolve().status());
    app.delete('/api/dispatch/pauses/:scope', { config: { access: 'manager' }, schema: { tags, summary: 'End a rate-limit pause now', params: z.object({ scope: z.string().min(1).max(200) }) } }, async (req, reply) => {
        if (!(await options.resolve().resume(req.params.scope))) {
            throw new AppError('NOT_FOUND', { message: `No pause for ${req.params.scope}`, details: { field: 'scope' } });
        }
        return reply.code(204).send();
    });
};
//# sourceMappingURL=dispatch-gate-routes.js.map