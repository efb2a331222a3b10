/** Path prefixes the HTTP layer treats specially. */
/** Probes keep answering while the server drains (orchestrators need them to see it go). */
export declare const PROBE_PATHS: readonly string[];
/** Never answered by the SPA fallback: API, live feed and probes get JSON 404s. */
export declare const NON_SPA_PREFIXES: readonly string[];
export declare const pathOf: (url: string) => string;
export declare const isProbePath: (path: string) => boolean;
export declare const isUnder: (path: string, prefixes: readonly string[]) => boolean;
