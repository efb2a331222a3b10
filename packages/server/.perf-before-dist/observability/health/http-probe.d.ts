/**
 * Probe for companion HTTP services (memory API, API bridge): `GET <baseUrl>/health`, up when the
 * answer is 2xx.
 */
export declare function httpHealthProbe(baseUrl: string): (signal: AbortSignal) => Promise<string>;
