/**
 * Security headers on every response, and the Content Security Policy of the web app: scripts,
 * styles, fonts and connections (including the live-feed WebSocket) only from this origin, no
 * inline script, no plugins, no framing. The SPA was built for it (the theme is applied by an
 * external /theme-init.js, not an inline script). Routes that set their own CSP keep it (the
 * OpenAPI browser at /api/docs).
 */
import type { FastifyReply } from 'fastify';

export const SPA_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export interface SecurityHeaderOptions {
  /** Send Strict-Transport-Security (only behind TLS: SESSION_COOKIE_SECURE). */
  hsts: boolean;
}

const FIXED: ReadonlyArray<readonly [string, string]> = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'no-referrer'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
];

export function applySecurityHeaders(reply: FastifyReply, options: SecurityHeaderOptions): void {
  for (const [name, value] of FIXED) if (!reply.hasHeader(name)) reply.header(name, value);
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', SPA_CSP);
  if (options.hsts && !reply.hasHeader('strict-transport-security')) reply.header('strict-transport-security', 'max-age=31536000');
}
