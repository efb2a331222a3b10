import { CliError, EXIT } from './cli-error.js';
export class ApiClient {
    config;
    constructor(config) {
        this.config = config;
    }
    async request(method, path, schema, body) {
        let res;
        try {
            res = await fetch(`${this.config.url}${path}`, {
                method,
                headers: { authorization: `Bearer ${this.config.token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
                ...(body !== undefined && { body: JSON.stringify(body) }),
            });
        }
        catch (err) {
            throw new CliError(EXIT.unreachable, `cannot reach ${this.config.url}: ${err.cause instanceof Error ? err.cause.message : String(err)}`);
        }
        const text = await res.text();
        const data = text === '' ? null : safeJson(text);
        if (!res.ok) {
            const error = data?.error;
            const what = error?.code ? `${error.code}: ${error.message ?? ''}` : `HTTP ${res.status}`;
            throw new CliError(res.status === 401 || res.status === 403 ? EXIT.auth : EXIT.api, `${method} ${path} failed: ${what}`);
        }
        const parsed = schema.safeParse(data);
        if (!parsed.success)
            throw new CliError(EXIT.api, `${method} ${path}: unexpected answer (${parsed.error.issues[0]?.message ?? 'invalid'})`);
        return parsed.data;
    }
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=api-client.js.map