/**
 * The OpenAPI document, generated from the routes' zod schemas (@fastify/swagger with
 * fastify-type-provider-zod's transform), served as JSON at `/api/docs/json` and browsable with
 * Swagger UI at `/api/docs`. The UI is served entirely from this server (the assets ship with
 * @fastify/swagger-ui, no validator badge) and its pages carry a CSP that allows nothing but this
 * origin, so it never reaches the internet.
 *
 * Register it before any route plugin: it documents the routes added after it.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
export const OPENAPI_PREFIX = '/api/docs';
const DOCS_CSP = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
].join('; ');
export function registerOpenApi(server, info = { version: '0.1.0' }) {
    void server.register(fastifySwagger, {
        openapi: {
            openapi: '3.0.3',
            info: {
                title: 'Multi-Agent Dashboard API',
                description: 'Tasks, AI employees, agent runs and stats. Errors share one body: see docs/api.md.',
                version: info.version,
            },
            tags: [
                { name: 'tasks', description: 'Tasks, their review loop, comments, timeline and runs' },
                { name: 'employees', description: 'The AI-employee registry' },
                { name: 'runs', description: 'Agent runs' },
                { name: 'stats', description: 'Dashboard figures' },
                { name: 'workflows', description: 'Workflow templates and runs: steps, approval gates, handoff' },
            ],
        },
        transform: createJsonSchemaTransform({
            skipList: [OPENAPI_PREFIX, `${OPENAPI_PREFIX}/`, `${OPENAPI_PREFIX}/json`, `${OPENAPI_PREFIX}/yaml`, `${OPENAPI_PREFIX}/*`, `${OPENAPI_PREFIX}/static/*`],
        }),
    });
    void server.register(fastifySwaggerUi, {
        routePrefix: OPENAPI_PREFIX,
        staticCSP: DOCS_CSP,
        uiConfig: { deepLinking: true, validatorUrl: null },
    });
}
//# sourceMappingURL=openapi.js.map