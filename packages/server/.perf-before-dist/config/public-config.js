import { isSecretName, maskCredentials } from './mask-secrets.js';
export function publicConfig(config) {
    return redact(config);
}
function redact(value, key = '') {
    if (value === null || value === undefined)
        return value;
    if (key !== '' && isSecretName(key))
        return '<redacted>';
    if (typeof value === 'string')
        return maskCredentials(value);
    if (Array.isArray(value))
        return value.map((v) => redact(v));
    if (typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
    }
    return value;
}
//# sourceMappingURL=public-config.js.map