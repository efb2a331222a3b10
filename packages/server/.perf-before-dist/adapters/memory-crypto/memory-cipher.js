/**
 * Encryption at rest for memories, from the one MEMORY_ENCRYPTION_KEY (32 bytes). Three subkeys
 * are derived with HKDF-SHA256, so no key is used for two purposes:
 *  - content: AES-256-GCM, a random 96-bit IV per seal, the memory id as additional data (a sealed
 *    value copied onto another row does not open);
 *  - blind index: HMAC-SHA256 of each normalized token, truncated to 60 bits, so lexical search
 *    matches tokens without storing them (equal tokens give equal hashes: the index reveals how
 *    often a hashed token occurs, never the word, to someone without the key);
 *  - key check: a fixed HMAC stored with the memories, compared at start to detect a wrong key.
 * Sealed values are text: `v1:` + base64(iv ‖ tag ‖ ciphertext).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/app-error.js';
export const MEMORY_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1:';
const subkey = (key, purpose) => Buffer.from(hkdfSync('sha256', key, Buffer.from('dash-memory'), Buffer.from(purpose), MEMORY_KEY_BYTES));
export class MemoryCipher {
    #contentKey;
    #indexKey;
    /** Stored with the memories; a different value means a different key. */
    keyCheck;
    constructor(key) {
        if (key.length !== MEMORY_KEY_BYTES)
            throw new TypeError(`MemoryCipher: the key must be ${MEMORY_KEY_BYTES} bytes`);
        this.#contentKey = subkey(key, 'content/aes-256-gcm/v1');
        this.#indexKey = subkey(key, 'blind-index/hmac-sha256/v1');
        const checkKey = subkey(key, 'key-check/v1');
        this.keyCheck = `${VERSION}${createHmac('sha256', checkKey).update('dash memory key check').digest('hex').slice(0, 32)}`;
    }
    seal(aad, plaintext) {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', this.#contentKey, iv);
        cipher.setAAD(Buffer.from(aad));
        const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
        return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    }
    /** Throws AppError MEMORY_KEY_MISMATCH when the value was not sealed with this key (or was altered). */
    open(aad, sealed) {
        if (!sealed.startsWith(VERSION))
            throw mismatch(aad, 'unknown format');
        const raw = Buffer.from(sealed.slice(VERSION.length), 'base64');
        if (raw.length < IV_BYTES + TAG_BYTES)
            throw mismatch(aad, 'truncated');
        try {
            const decipher = createDecipheriv('aes-256-gcm', this.#contentKey, raw.subarray(0, IV_BYTES));
            decipher.setAAD(Buffer.from(aad));
            decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
            return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
        }
        catch (err) {
            throw mismatch(aad, 'authentication failed', err);
        }
    }
    /** The blind-index form of a normalized token: `h` + 15 hex digits (60 bits). */
    blindToken(token) {
        return `h${createHmac('sha256', this.#indexKey).update(token).digest('hex').slice(0, 15)}`;
    }
}
function mismatch(memoryId, reason, cause) {
    return new AppError('MEMORY_KEY_MISMATCH', {
        message: `Memory ${memoryId} cannot be decrypted with MEMORY_ENCRYPTION_KEY (${reason}): the key differs from the one it was written with, or the row was altered`,
        details: { memoryId },
        cause,
    });
}
//# sourceMappingURL=memory-cipher.js.map