import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, readPreference, resolveTheme, writePreference } from './theme-preference';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('theme preference', () => {
  it('follows the system unless the user chose light or dark', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('reads a saved choice and ignores anything else', () => {
    expect(readPreference(memoryStorage({ [THEME_STORAGE_KEY]: 'dark' }))).toBe('dark');
    expect(readPreference(memoryStorage({ [THEME_STORAGE_KEY]: 'purple' }))).toBe('system');
    expect(readPreference(null)).toBe('system');
  });

  it('survives blocked storage', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {},
    };
    expect(readPreference(blocked)).toBe('system');
    expect(() => writePreference(blocked, 'dark')).not.toThrow();
  });

  it('stores explicit choices and forgets the key for system', () => {
    const storage = memoryStorage();
    writePreference(storage, 'light');
    expect(storage.data.get(THEME_STORAGE_KEY)).toBe('light');
    writePreference(storage, 'system');
    expect(storage.data.has(THEME_STORAGE_KEY)).toBe(false);
  });
});
