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
const FIXED = [
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
    ['referrer-policy', 'no-referrer'],
    ['cross-origin-opener-policy', 'same-origin'],
    ['cross-origin-resource-policy', 'same-origin'],
    ['permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
];
export function applySecurityHeaders(reply, options) {
    for (const [name, value] of FIXED)
        if (!reply.hasHeader(name))
            reply.header(name, value);
    if (!reply.hasHeader('content-security-policy'))
        reply.header('content-security-policy', SPA_CSP);
    if (options.hsts && !reply.hasHeader('strict-transport-security'))
        reply.header('strict-transport-security', 'max-age=31536000');
}
//# sourceMappingURL=security-headers.js.map