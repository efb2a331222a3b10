/** Path prefixes the HTTP layer treats specially. */
/** Probes keep answering while the server drains (orchestrators need them to see it go). */
export const PROBE_PATHS = ['/health', '/ready', '/metrics'];
/** Never answered by the SPA fallback: API, live feed and probes get JSON 404s. */
export const NON_SPA_PREFIXES = ['/api', '/ws', ...PROBE_PATHS];
export const pathOf = (url) => {
    const q = url.indexOf('?');
    return q === -1 ? url : url.slice(0, q);
};
export const isProbePath = (path) => PROBE_PATHS.includes(path);
export const isUnder = (path, prefixes) => prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
//# sourceMappingURL=paths.js.map