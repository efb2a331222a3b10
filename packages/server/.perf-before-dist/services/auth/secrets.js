/**
 * The random values clients hold (session cookie, API token, setup token) and what the store keeps
 * of them. 32 random bytes are far beyond guessing, so a fast SHA-256 suffices to store them
 * (unlike passwords, which get argon2id): a stolen database gives no usable credential.
 *
 * The CSRF token is derived from the session token (HMAC-SHA256 keyed by it): only someone who
 * can read the httpOnly cookie's value could compute it, it needs no storage, and it changes with
 * every session.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
export const API_TOKEN_PREFIX = 'dat_';
export const newSecret = (prefix = '') => `${prefix}${randomBytes(32).toString('base64url')}`;
export const hashSecret = (secret) => createHash('sha256').update(secret, 'utf8').digest('hex');
export const csrfTokenFor = (sessionToken) => createHmac('sha256', sessionToken).update('dash-csrf-v1').digest('base64url');
//# sourceMappingURL=secrets.js.map