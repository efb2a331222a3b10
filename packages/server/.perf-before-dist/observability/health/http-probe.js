/**
 * Probe for companion HTTP services (memory API, API bridge): `GET <baseUrl>/health`, up when the
 * answer is 2xx.
 */
export function httpHealthProbe(baseUrl) {
    const url = `${baseUrl}/health`;
    return async (signal) => {
        const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
        // Drain the body so the connection can be reused or closed cleanly.
        await response.arrayBuffer().catch(() => undefined);
        if (!response.ok)
            throw new Error(`HTTP ${response.status}`);
        return `HTTP ${response.status}`;
    };
}
//# sourceMappingURL=http-probe.js.map