/**
 * Account administration: /api/users and /api/tokens (admin), /api/sessions (everyone sees and ends
 * their own; admins everyone's), /api/audit (admin). The services write the audit entries.
 */
import { apiToken, apiTokenList, auditList, createApiTokenBody, createUserBody, createdApiToken, idParams, listAuditQuery, listSessionsQuery, sessionList, updateUserBody, user, userList, } from '@dash/shared';
import { clientOf, principalOf } from './actor.js';
const tags = ['accounts'];
export const accountRoutes = async (app, deps) => {
    const accounts = () => deps.resolve().accounts;
    app.get('/api/users', { config: { access: 'admin' }, schema: { tags, summary: 'Users', response: { 200: userList } } }, async () => ({
        items: await accounts().listUsers(),
    }));
    app.post('/api/users', { config: { access: 'admin', audit: false }, schema: { tags, summary: 'Create a user', body: createUserBody, response: { 201: user } } }, async (req, reply) => reply.code(201).send(await accounts().createUser(principalOf(req), req.body, clientOf(req))));
    app.patch('/api/users/:id', {
        config: { access: 'admin', audit: false },
        schema: { tags, summary: 'Change role, disable or set a password (ends their sessions)', params: idParams, body: updateUserBody, response: { 200: user } },
    }, async (req) => accounts().updateUser(principalOf(req), req.params.id, req.body, clientOf(req)));
    app.get('/api/sessions', { config: { access: 'viewer' }, schema: { tags, summary: 'Active sessions (your own unless admin)', querystring: listSessionsQuery, response: { 200: sessionList } } }, async (req) => ({ items: await accounts().listSessions(principalOf(req), req.query.userId) }));
    app.delete('/api/sessions/:id', { config: { access: 'viewer', audit: false }, schema: { tags, summary: 'End a session at once (your own unless admin)', params: idParams } }, async (req, reply) => {
        await accounts().revokeSession(principalOf(req), req.params.id, clientOf(req));
        return reply.code(204).send();
    });
    app.get('/api/tokens', { config: { access: 'admin' }, schema: { tags, summary: 'API tokens', response: { 200: apiTokenList } } }, async () => ({
        items: await accounts().listTokens(),
    }));
    app.post('/api/tokens', {
        config: { access: 'admin', audit: false },
        schema: { tags, summary: 'Create an API token (shown once)', body: createApiTokenBody, response: { 201: createdApiToken } },
    }, async (req, reply) => reply.code(201).header('cache-control', 'no-store').send(await accounts().createToken(principalOf(req), req.body, clientOf(req))));
    app.delete('/api/tokens/:id', { config: { access: 'admin', audit: false }, schema: { tags, summary: 'Revoke an API token at once', params: idParams, response: { 200: apiToken } } }, async (req) => accounts().revokeToken(principalOf(req), req.params.id, clientOf(req)));
    app.get('/api/audit', { config: { access: 'admin' }, schema: { tags, summary: 'Audit log, newest first', querystring: listAuditQuery, response: { 200: auditList } } }, async (req) => deps.resolve().audit.list(req.query));
};
//# sourceMappingURL=account-routes.js.map