import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpServer } from './http-server.js';
export declare const NOT_BUILT_PAGE = "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Multi-Agent Dashboard</title></head>\n<body>\n<h1>The web app is not built</h1>\n<p>The server is running, but there is no web build to serve. Run <code>npm run build</code>\n(or <code>npm run build -w @dash/web</code>) and restart the server, or set <code>WEB_DIST_DIR</code>.</p>\n<p>The API answers under <code>/api</code>; health at <a href=\"/health\">/health</a>.</p>\n</body>\n</html>\n";
export interface SpaFallback {
    /** Whether this not-found request is an HTML navigation the SPA should answer. */
    wants(request: FastifyRequest): boolean;
    serve(request: FastifyRequest, reply: FastifyReply): FastifyReply | Promise<FastifyReply>;
}
/** Registers static serving (when built) and returns the fallback for the not-found handler. */
export declare function registerSpa(server: HttpServer, distDir: string): SpaFallback;
