/**
 * node-postgres settings for the store. The URL is handed to pg as given (so `?host=/socket`,
 * `sslmode` and the rest keep working), except that a user is always made explicit: pg falls back
 * to $USER, which is empty on our machines. Like libpq, the fallback is the OS account name.
 */
import { userInfo } from 'node:os';
import pg from 'pg';
/** The user named in the URL (authority or `?user=`), or null. */
export function userFromPostgresUrl(url) {
    const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
    const at = authority.lastIndexOf('@');
    const name = at < 0 ? '' : authority.slice(0, at).split(':')[0] ?? '';
    if (name)
        return decodeURIComponent(name);
    const query = url.split('#')[0]?.split('?')[1];
    return new URLSearchParams(query ?? '').get('user') || null;
}
/** The URL with `?user=` added when it names no user (a URL's own settings override pg config). */
export function withExplicitUser(url, fallbackUser = userInfo().username) {
    if (userFromPostgresUrl(url) !== null)
        return url;
    const [base = '', fragment] = url.split('#');
    const joined = `${base}${base.includes('?') ? '&' : '?'}user=${encodeURIComponent(fallbackUser)}`;
    return fragment === undefined ? joined : `${joined}#${fragment}`;
}
/**
 * int8 (counts, sums, bigint columns) and numeric (SUM of bigint) as JS numbers when they fit
 * exactly; larger values stay strings rather than silently losing precision. `json` stays text:
 * the repositories parse payloads themselves, the same way on both dialects.
 */
const parseBig = (value) => {
    const n = Number(value);
    const fits = Number.isInteger(n) ? Number.isSafeInteger(n) : Number.isFinite(n);
    return fits ? n : value;
};
const keepText = (value) => value;
const getTypeParser = (oid, format = 'text') => {
    if (format === 'text') {
        if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC)
            return parseBig;
        if (oid === pg.types.builtins.JSON)
            return keepText;
    }
    return pg.types.getTypeParser(oid, format);
};
export function postgresClientConfig(options) {
    return {
        connectionString: withExplicitUser(options.url),
        application_name: options.applicationName ?? 'dash-server',
        types: { getTypeParser },
    };
}
//# sourceMappingURL=postgres-connection.js.map