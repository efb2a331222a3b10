import { describe, expect, it } from 'vitest';
import { configRows, parseSystemInfo } from './system-api';

describe('system api', () => {
  it('flattens nested config into dotted rows', () => {
    expect(configRows({ http: { host: '127.0.0.1', port: 8080 }, databaseUrl: null, roots: ['/a', '/b'] })).toEqual([
      { key: 'http.host', value: '127.0.0.1' },
      { key: 'http.port', value: '8080' },
      { key: 'databaseUrl', value: '—' },
      { key: 'roots', value: '/a, /b' },
    ]);
  });

  it('rejects a body that is not a system description', () => {
    expect(() => parseSystemInfo({ version: 1 })).toThrow(TypeError);
  });
});
