/**
 * The configuration as it may be shown to users (System page): every value whose key looks
 * secret is replaced by `<redacted>`, and passwords inside URLs are masked, at any depth.
 */
import type { Config } from './config.js';
import { isSecretName, maskCredentials } from './mask-secrets.js';

export function publicConfig(config: Config): Record<string, unknown> {
  return redact(config) as Record<string, unknown>;
}

function redact(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (key !== '' && isSecretName(key)) return '<redacted>';
  if (typeof value === 'string') return maskCredentials(value);
  if (Array.isArray(value)) return value.map((v) => redact(v));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}
