import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';
import { publicConfig } from './public-config.js';

describe('publicConfig', () => {
  it('redacts secret-named values and masks URL passwords at any depth', () => {
    const result = loadConfig({
      DATABASE_URL: 'postgres://dash:hunter2@db:5432/dash',
      REDIS_URL: 'redis://:redispass@cache:6379',
      MEMORY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const shown = JSON.stringify(publicConfig(result.config));
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toContain('redispass');
    expect(shown).not.toContain(Buffer.alloc(32, 7).toString('base64'));
    expect(shown).toContain('postgres://dash:***@db:5432/dash');
    expect(shown).toContain('8080');
  });
});
