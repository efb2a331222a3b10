/**
 * Where the memory encryption key comes from:
 *  - MEMORY_ENCRYPTION_KEY (32 bytes, base64), required in production (the config refuses to
 *    start without it);
 *  - otherwise (embedded and development mode) `${DATA_DIR}/memory.key`, generated once with mode
 *    0600 and reused on every start. Losing that file makes the memories unreadable: back it up
 *    with the database.
 * A key file that exists but does not hold a valid key stops start-up (it is never replaced).
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MEMORY_KEY_BYTES } from './memory-cipher.js';
export const MEMORY_KEY_FILE_NAME = 'memory.key';
/** The key bytes of a base64 text, or null when it is not exactly 32 bytes of strict base64. */
export function parseMemoryKey(text) {
    const trimmed = text.trim();
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0)
        return null;
    const key = Buffer.from(trimmed, 'base64');
    return key.length === MEMORY_KEY_BYTES ? key : null;
}
export async function resolveMemoryKey(options) {
    if (options.configured !== null) {
        const key = parseMemoryKey(options.configured);
        if (key === null)
            throw new Error('MEMORY_ENCRYPTION_KEY must be 32 bytes encoded as base64 (e.g. `openssl rand -base64 32`)');
        return { key, source: 'env', generated: false };
    }
    const existing = await readKeyFile(options.keyFile);
    if (existing !== null) {
        const mode = (await stat(options.keyFile)).mode & 0o777;
        if ((mode & 0o077) !== 0) {
            options.logger.warn({ keyFile: options.keyFile, mode: mode.toString(8) }, 'memory key file is readable by others; restricting it to 0600');
            await chmod(options.keyFile, 0o600);
        }
        return { key: existing, source: options.keyFile, generated: false };
    }
    const key = randomBytes(MEMORY_KEY_BYTES);
    await mkdir(dirname(options.keyFile), { recursive: true });
    try {
        // `wx`: never overwrite a key another process wrote meanwhile.
        await writeFile(options.keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    }
    catch (err) {
        if (err.code !== 'EEXIST')
            throw err;
        const raced = await readKeyFile(options.keyFile);
        if (raced === null)
            throw new Error(`Memory key file ${options.keyFile} appeared but holds no valid key`);
        return { key: raced, source: options.keyFile, generated: false };
    }
    options.logger.info({ keyFile: options.keyFile }, 'generated the memory encryption key (back this file up with the database)');
    return { key, source: options.keyFile, generated: true };
}
async function readKeyFile(file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return null;
        throw err;
    }
    const key = parseMemoryKey(text);
    if (key === null) {
        throw new Error(`Memory key file ${file} does not hold a valid key (32 bytes, base64). Restore it from backup; it is never replaced automatically.`);
    }
    return key;
}
//# sourceMappingURL=memory-key.js.map