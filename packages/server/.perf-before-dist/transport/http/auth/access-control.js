/**
 * The one gate every request passes after the lifecycle gate (see http-server.ts):
 *
 *  1. rate limit by route class and address (429 RATE_LIMITED);
 *  2. credentials: `Authorization: Bearer <API token>` or the session cookie, resolved through the
 *     store on every request (so a revoked session is refused at once, on every replica);
 *  3. the route's declared access: `public`, or a role (401 UNAUTHENTICATED without credentials,
 *     401 AUTH_CREDENTIALS_INVALID with an unknown/expired/revoked one, 403 FORBIDDEN below the
 *     role);
 *  4. CSRF: a request with the session cookie that may change something (not GET/HEAD/OPTIONS)
 *     must carry `x-csrf-token` (403 AUTH_CSRF_FAILED). API tokens are not ambient, so they need
 *     none. A WebSocket upgrade with the cookie must come from this origin or an allowed one.
 *
 * All of it runs in onRequest, before the body is read: a refused request never reaches
 * validation or a handler and changes nothing.
 *
 * Routes declare their access in `config.access` (access-types.ts). The onRoute hook records every
 * route with its access (`routes()`, read by the route × role matrix test); routes that plugins
 * add (SPA files, the OpenAPI browser, CORS preflight) get theirs from PLUGIN_ROUTE_RULES; any
 * other route without a declaration is admin-only and flagged `declared: false`.
 */
import { roleSatisfies } from '@dash/shared';
import { AppError } from '../../../domain/app-error.js';
import { actorName } from '../../../domain/auth/principal.js';
import { NON_SPA_PREFIXES, isProbePath, isUnder, pathOf } from '../paths.js';
import { RateLimiter } from './rate-limit.js';
import { presentedCredential } from './request-credentials.js';
import { safeEqualText } from './safe-equal.js';
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Access for routes that plugins register, which cannot carry our config. */
export const PLUGIN_ROUTE_RULES = [
    { describe: 'CORS preflight (OPTIONS)', matches: (method) => method === 'OPTIONS', access: 'public' },
    { describe: 'OpenAPI document and browser under /api/docs', matches: (_m, url) => isUnder(url, ['/api/docs']), access: 'public' },
    {
        describe: 'web app files (GET/HEAD outside /api, /ws and the probes)',
        matches: (method, url) => (method === 'GET' || method === 'HEAD') && !isUnder(url, NON_SPA_PREFIXES),
        access: 'public',
    },
];
export function installAccessControl(server, options) {
    const table = [];
    const limiter = new RateLimiter(options.rateLimits, options.now);
    server.decorateRequest('principal', null);
    server.addHook('onRoute', (route) => {
        const methods = [route.method].flat();
        const declaredAccess = route.config?.access;
        for (const method of methods) {
            const rule = declaredAccess === undefined ? PLUGIN_ROUTE_RULES.find((r) => r.matches(method, route.url)) : undefined;
            table.push({ method, url: route.url, access: declaredAccess ?? rule?.access ?? 'admin', declared: declaredAccess !== undefined || rule !== undefined });
        }
        if (declaredAccess === undefined) {
            const rule = PLUGIN_ROUTE_RULES.find((r) => methods.every((m) => r.matches(m, route.url)));
            route.config = { ...route.config, access: rule?.access ?? 'admin' };
        }
    });
    server.addHook('onRequest', async (request, reply) => {
        const config = request.routeOptions.config;
        // Unmatched requests (JSON 404, SPA fallback) are public: they serve nothing private.
        const access = config.access ?? 'public';
        const wait = limiter.hit(rateClassOf(request, config.rateClass), request.ip);
        if (wait > 0) {
            reply.header('retry-after', String(wait));
            throw new AppError('RATE_LIMITED', { details: { retryAfterSeconds: wait } });
        }
        // Probes never look at credentials (they answer while the store is still opening).
        if (isProbePath(pathOf(request.url)))
            return;
        const presented = presentedCredential(request);
        if (access === 'public') {
            // Who is calling, for routes that say so (GET /api/auth/session); a bad credential is no error here.
            request.principal = await resolve(options.authenticator, presented).catch(() => null);
            return;
        }
        request.principal = await resolve(options.authenticator, presented);
        const principal = request.principal;
        if (presented === null)
            throw new AppError('UNAUTHENTICATED');
        if (principal === null)
            throw new AppError('AUTH_CREDENTIALS_INVALID');
        if (!roleSatisfies(principal.role, access)) {
            throw new AppError('FORBIDDEN', { message: `This needs the ${access} role`, details: { required: access, role: principal.role } });
        }
        if (principal.kind === 'session') {
            if (!SAFE_METHODS.has(request.method) && !safeEqualText(headerText(request.headers['x-csrf-token']), principal.csrfToken ?? '')) {
                throw new AppError('AUTH_CSRF_FAILED');
            }
            if (request.headers.upgrade !== undefined && !originAllowed(request, options.allowedOrigins)) {
                throw new AppError('AUTH_ORIGIN_REJECTED', { details: { origin: String(request.headers.origin) } });
            }
        }
    });
    const audit = options.audit;
    if (audit !== undefined) {
        server.addHook('onResponse', async (request, reply) => {
            const principal = request.principal;
            if (principal === null || SAFE_METHODS.has(request.method) || request.routeOptions.config.audit === false)
                return;
            if (reply.statusCode >= 400 || request.routeOptions.url === undefined)
                return;
            await audit({
                ...auditActor(principal),
                action: `${request.method} ${request.routeOptions.url}`,
                target: paramsText(request.params),
                status: reply.statusCode,
                outcome: 'ok',
                ip: request.ip,
                userAgent: headerText(request.headers['user-agent']) || null,
            });
        });
    }
    return { routes: () => [...table] };
}
async function resolve(authenticator, presented) {
    if (presented === null || presented.kind === 'malformed')
        return null;
    try {
        return presented.kind === 'token' ? await authenticator.authenticateToken(presented.value) : await authenticator.authenticateSession(presented.value);
    }
    catch (err) {
        throw new AppError('STORE_UNAVAILABLE', { message: 'Cannot check credentials: the store is unavailable', cause: err });
    }
}
function rateClassOf(request, declared) {
    if (declared !== undefined)
        return declared;
    if (isProbePath(pathOf(request.url)))
        return 'none';
    return request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write';
}
/** Same origin as the Host the request was sent to, or an allowed one; no Origin = not a browser. */
export function originAllowed(request, allowed) {
    const origin = request.headers.origin;
    if (origin === undefined)
        return true;
    if (allowed.includes(origin))
        return true;
    try {
        return new URL(origin).host === request.headers.host;
    }
    catch {
        return false;
    }
}
const headerText = (value) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
function paramsText(params) {
    if (typeof params !== 'object' || params === null)
        return null;
    const parts = Object.entries(params).map(([k, v]) => `${k}=${String(v)}`);
    return parts.length === 0 ? null : parts.join(',').slice(0, 300);
}
const auditActor = (p) => ({
    actorKind: p.kind === 'session' ? 'user' : 'token',
    actorId: p.userId,
    actorName: actorName(p),
});
//# sourceMappingURL=access-control.js.map