import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../domain/app-error.js';
import { MemoryCipher } from './memory-cipher.js';
import { parseMemoryKey, resolveMemoryKey } from './memory-key.js';

const quiet = { info: () => undefined, warn: () => undefined };

describe('memory cipher', () => {
  it('round-trips and never stores the plaintext', () => {
    const cipher = new MemoryCipher(randomBytes(32));
    const sealed = cipher.seal('mem_1', 'the deploy key lives in vault');
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(sealed).not.toContain('vault');
    expect(cipher.open('mem_1', sealed)).toBe('the deploy key lives in vault');
    expect(cipher.seal('mem_1', 'same')).not.toBe(cipher.seal('mem_1', 'same'));
  });

  it('refuses another key, another row and altered bytes with MEMORY_KEY_MISMATCH', () => {
    const cipher = new MemoryCipher(randomBytes(32));
    const sealed = cipher.seal('mem_1', 'secret');
    const codeOf = (fn: () => unknown): string | null => {
      try {
        fn();
        return null;
      } catch (err) {
        return isAppError(err) ? err.code : 'other';
      }
    };
    expect(codeOf(() => new MemoryCipher(randomBytes(32)).open('mem_1', sealed))).toBe('MEMORY_KEY_MISMATCH');
    expect(codeOf(() => cipher.open('mem_2', sealed))).toBe('MEMORY_KEY_MISMATCH');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(codeOf(() => cipher.open('mem_1', `v1:${raw.toString('base64')}`))).toBe('MEMORY_KEY_MISMATCH');
  });

  it('derives a stable key check and blind tokens per key', () => {
    const key = randomBytes(32);
    const a = new MemoryCipher(key);
    const b = new MemoryCipher(Buffer.from(key));
    expect(a.keyCheck).toBe(b.keyCheck);
    expect(a.keyCheck).not.toBe(new MemoryCipher(randomBytes(32)).keyCheck);
    expect(a.blindToken('deploy')).toBe(b.blindToken('deploy'));
    expect(a.blindToken('deploy')).toMatch(/^h[0-9a-f]{15}$/);
    expect(a.blindToken('deploy')).not.toBe(a.blindToken('deplo'));
  });
});

describe('memory key', () => {
  it('accepts exactly 32 bytes of base64', () => {
    expect(parseMemoryKey(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(parseMemoryKey(randomBytes(16).toString('base64'))).toBeNull();
    expect(parseMemoryKey(randomBytes(32).toString('hex'))).toBeNull();
    expect(parseMemoryKey('not base64 at all!')).toBeNull();
  });

  it('generates the key file once with mode 0600 and reuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dash-memkey-'));
    try {
      const keyFile = join(dir, 'nested', 'memory.key');
      const first = await resolveMemoryKey({ configured: null, keyFile, logger: quiet });
      expect(first.generated).toBe(true);
      expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
      const second = await resolveMemoryKey({ configured: null, keyFile, logger: quiet });
      expect(second.generated).toBe(false);
      expect(second.key.equals(first.key)).toBe(true);
      expect(parseMemoryKey(await readFile(keyFile, 'utf8'))?.equals(first.key)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prefers the configured key and never replaces a broken key file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dash-memkey-'));
    try {
      const keyFile = join(dir, 'memory.key');
      const configured = randomBytes(32).toString('base64');
      const resolved = await resolveMemoryKey({ configured, keyFile, logger: quiet });
      expect(resolved).toMatchObject({ source: 'env', generated: false });
      await writeFile(keyFile, 'garbage');
      await expect(resolveMemoryKey({ configured: null, keyFile, logger: quiet })).rejects.toThrow(/does not hold a valid key/);
      expect(await readFile(keyFile, 'utf8')).toBe('garbage');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
