/** Path prefixes the HTTP layer treats specially. */

/** Probes keep answering while the server drains (orchestrators need them to see it go). */
export const PROBE_PATHS: readonly string[] = ['/health', '/ready', '/metrics'];

/** Never answered by the SPA fallback: API, live feed and probes get JSON 404s. */
export const NON_SPA_PREFIXES: readonly string[] = ['/api', '/ws', ...PROBE_PATHS];

export const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

export const isProbePath = (path: string): boolean => PROBE_PATHS.includes(path);

export const isUnder = (path: string, prefixes: readonly string[]): boolean =>
  prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
