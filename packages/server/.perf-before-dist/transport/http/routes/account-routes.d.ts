import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditService } from '../../../services/audit/audit-service.js';
import type { AccountAdminService } from '../../../services/auth/account-admin-service.js';
export interface AccountRoutesDeps {
    resolve: () => {
        accounts: AccountAdminService;
        audit: AuditService;
    };
}
export declare const accountRoutes: FastifyPluginAsyncZod<AccountRoutesDeps>;
