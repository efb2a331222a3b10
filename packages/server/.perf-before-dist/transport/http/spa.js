/**
 * Serves the built web app in embedded mode: static files from WEB_DIST_DIR (hashed `/assets/*`
 * cached for a year, everything else revalidated), and index.html for HTML navigations to client
 * routes (`/tasks/123`) so deep links and reloads work. API, live-feed and probe paths never get
 * the fallback. Without a build, HTML navigations get a short page explaining how to build it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NON_SPA_PREFIXES, isUnder, pathOf } from './paths.js';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Multi-Agent Dashboard</title></head>
<body>
<h1>The web app is not built</h1>
<p>The server is running, but there is no web build to serve. Run <code>npm run build</code>
(or <code>npm run build -w @dash/web</code>) and restart the server, or set <code>WEB_DIST_DIR</code>.</p>
<p>The API answers under <code>/api</code>; health at <a href="/health">/health</a>.</p>
</body>
</html>
`;
/** Registers static serving (when built) and returns the fallback for the not-found handler. */
export function registerSpa(server, distDir) {
    const built = existsSync(join(distDir, 'index.html'));
    if (built) {
        void server.register(fastifyStatic, {
            root: distDir,
            prefix: '/',
            // One route per file found at boot, so unknown paths reach the not-found handler (and the
            // metrics label stays bounded) instead of a catch-all route.
            wildcard: false,
            index: ['index.html'],
            cacheControl: false,
            setHeaders(reply, filePath) {
                reply.header('cache-control', filePath.startsWith(join(distDir, 'assets', '/')) ? IMMUTABLE : REVALIDATE);
            },
        });
    }
    return {
        wants(request) {
            if (request.method !== 'GET' && request.method !== 'HEAD')
                return false;
            if (isUnder(pathOf(request.url), NON_SPA_PREFIXES))
                return false;
            return (request.headers.accept ?? '').includes('text/html');
        },
        serve(_request, reply) {
            if (built)
                return reply.header('cache-control', REVALIDATE).sendFile('index.html');
            return reply.code(200).header('cache-control', REVALIDATE).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
        },
    };
}
//# sourceMappingURL=spa.js.map