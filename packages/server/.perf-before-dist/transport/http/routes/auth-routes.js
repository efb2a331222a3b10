/**
 * /api/auth: who am I (`session`, public: the SPA asks it first), sign-in, sign-out, first-run
 * setup and password change. Sign-in and setup are the strict rate-limit class with a 16 KiB body
 * limit; their service writes the audit entries (failed attempts included).
 */
import { authSession, changePasswordBody, loginBody, setupBody } from '@dash/shared';
import { clearedSessionCookie, sessionCookie } from '../auth/request-credentials.js';
import { clientOf, principalOf } from './actor.js';
const tags = ['auth'];
const AUTH_BODY_LIMIT = 16 * 1024;
const sessionOf = (principal, setupRequired) => ({
    authenticated: principal !== null,
    setupRequired,
    user: principal === null ? null : { id: principal.userId, username: principal.username, role: principal.role },
    via: principal?.kind ?? null,
    csrfToken: principal?.csrfToken ?? null,
    expiresAt: principal?.expiresAt ?? null,
});
export const authRoutes = async (app, deps) => {
    app.get('/api/auth/session', { config: { access: 'public' }, schema: { tags, summary: 'Who is signed in; whether first-run setup is pending', response: { 200: authSession } } }, async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return sessionOf(req.principal, await deps.auth().setupRequired());
    });
    app.post('/api/auth/login', {
        config: { access: 'public', rateClass: 'auth', audit: false },
        bodyLimit: AUTH_BODY_LIMIT,
        schema: { tags, summary: 'Sign in: sets the session cookie; returns the CSRF token', body: loginBody, response: { 200: authSession } },
    }, async (req, reply) => {
        const { principal, sessionToken } = await deps.auth().login(req.body, clientOf(req));
        reply.header('set-cookie', sessionCookie(sessionToken, deps.cookie)).header('cache-control', 'no-store');
        return sessionOf(principal, false);
    });
    app.post('/api/auth/logout', { config: { access: 'viewer', audit: false }, schema: { tags, summary: 'Sign out: ends this session everywhere at once' } }, async (req, reply) => {
        await deps.auth().logout(principalOf(req), clientOf(req));
        return reply.code(204).header('set-cookie', clearedSessionCookie(deps.cookie)).send();
    });
    app.post('/api/auth/setup', {
        config: { access: 'public', rateClass: 'auth', audit: false },
        bodyLimit: AUTH_BODY_LIMIT,
        schema: { tags, summary: 'First run: the setup token from the log → the first admin (signed in)', body: setupBody, response: { 201: authSession } },
    }, async (req, reply) => {
        const { principal, sessionToken } = await deps.auth().setup(req.body, clientOf(req));
        return reply.code(201).header('set-cookie', sessionCookie(sessionToken, deps.cookie)).header('cache-control', 'no-store').send(sessionOf(principal, false));
    });
    app.post('/api/auth/password', {
        config: { access: 'viewer', rateClass: 'auth', audit: false },
        bodyLimit: AUTH_BODY_LIMIT,
        schema: { tags, summary: 'Change your password (ends your other sessions)', body: changePasswordBody },
    }, async (req, reply) => {
        await deps.auth().changePassword(principalOf(req), req.body, clientOf(req));
        return reply.code(204).send();
    });
};
//# sourceMappingURL=auth-routes.js.map