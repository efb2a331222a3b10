import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuthService } from '../../../services/auth/auth-service.js';
import { type SessionCookieOptions } from '../auth/request-credentials.js';
export interface AuthRoutesDeps {
    auth: () => AuthService;
    cookie: SessionCookieOptions;
}
export declare const authRoutes: FastifyPluginAsyncZod<AuthRoutesDeps>;
