/**
 * Security headers on every response, and the Content Security Policy of the web app: scripts,
 * styles, fonts and connections (including the live-feed WebSocket) only from this origin, no
 * inline script, no plugins, no framing. The SPA was built for it (the theme is applied by an
 * external /theme-init.js, not an inline script). Routes that set their own CSP keep it (the
 * OpenAPI browser at /api/docs).
 */
import type { FastifyReply } from 'fastify';
export declare const SPA_CSP: string;
export interface SecurityHeaderOptions {
    /** Send Strict-Transport-Security (only behind TLS: SESSION_COOKIE_SECURE). */
    hsts: boolean;
}
export declare function applySecurityHeaders(reply: FastifyReply, options: SecurityHeaderOptions): void;
