/** Parsers of the security variables (env-schema.ts); each returns undefined for a bad value. */
import { isIP } from 'node:net';
/** `https://app.example.com,http://localhost:5173`: origins only (scheme, host, port). */
export function originList(raw) {
    const parts = raw
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
    if (parts.length === 0)
        return undefined;
    const origins = [];
    for (const part of parts) {
        if (!URL.canParse(part))
            return undefined;
        const url = new URL(part);
        if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== part.replace(/\/$/, ''))
            return undefined;
        origins.push(url.origin);
    }
    return [...new Set(origins)];
}
/** `false`, `true`, a hop count, or addresses/CIDRs of the proxies (comma-separated). */
export function trustProxy(raw) {
    const lower = raw.toLowerCase();
    if (lower === 'false' || lower === '0' || lower === 'no' || lower === 'off')
        return false;
    if (lower === 'true' || lower === 'yes' || lower === 'on')
        return true;
    if (/^\d+$/.test(raw))
        return Number(raw);
    const parts = raw.split(',').map((p) => p.trim());
    const valid = parts.every((p) => {
        const [address, bits, extra] = p.split('/');
        if (extra !== undefined || address === undefined)
            return false;
        const family = isIP(address);
        if (family === 0)
            return false;
        return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
    });
    return valid ? parts.join(',') : undefined;
}
/** A secret of at least `min` characters with no whitespace. */
export const secretText = (min) => (raw) => raw.length >= min && /^\S+$/.test(raw) ? raw : undefined;
/** A password: at least `min` characters (spaces allowed inside). */
export const passwordText = (min) => (raw) => raw.length >= min && raw.length <= 256 ? raw : undefined;
//# sourceMappingURL=security-env.js.map