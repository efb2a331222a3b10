/** `https://app.example.com,http://localhost:5173`: origins only (scheme, host, port). */
export declare function originList(raw: string): string[] | undefined;
/** `false`, `true`, a hop count, or addresses/CIDRs of the proxies (comma-separated). */
export declare function trustProxy(raw: string): boolean | number | string | undefined;
/** A secret of at least `min` characters with no whitespace. */
export declare const secretText: (min: number) => (raw: string) => string | undefined;
/** A password: at least `min` characters (spaces allowed inside). */
export declare const passwordText: (min: number) => (raw: string) => string | undefined;
