import { describe, expect, it } from 'vitest';
import { formatConfigIssues, loadConfig, type ConfigContext } from './load-config.js';
import { parseServiceRole } from './service-role.js';

const ctx: ConfigContext = { cwd: '/srv/dash', hostname: 'box', pid: 1, defaultWebDistDir: '/w', defaultRegistryDir: '/r' };
const SPLIT_ENV = { DATABASE_URL: 'postgres://u@db/dash', REDIS_URL: 'redis://redis:6379' };

function load(env: Record<string, string>) {
  const result = loadConfig(env, ctx);
  if (!result.ok) throw new Error(formatConfigIssues(result.issues));
  return result.config;
}

describe('SERVICE_ROLE', () => {
  it('parses each role; api and worker combine into all', () => {
    expect(parseServiceRole('all')).toEqual({ name: 'all', api: true, worker: true, memory: false, bridge: false });
    expect(parseServiceRole('api')).toMatchObject({ name: 'api', api: true, worker: false });
    expect(parseServiceRole('worker')).toMatchObject({ name: 'worker', api: false, worker: true });
    expect(parseServiceRole('memory')).toEqual({ name: 'memory', api: false, worker: false, memory: true, bridge: false });
    expect(parseServiceRole('bridge')).toMatchObject({ name: 'bridge', bridge: true, api: false });
    expect(parseServiceRole('api,worker')).toMatchObject({ name: 'all' });
    expect(parseServiceRole(' Worker , api ')).toMatchObject({ name: 'all' });
  });

  it('rejects unknown roles and combinations with memory or bridge', () => {
    for (const raw of ['web', 'api,memory', 'memory,bridge', 'api,', 'all,api']) expect(parseServiceRole(raw)).toBeUndefined();
  });

  it('defaults the port by role when PORT is unset', () => {
    expect(load({}).http.port).toBe(8080);
    expect(load({ SERVICE_ROLE: 'memory' }).http.port).toBe(3333);
    expect(load({ SERVICE_ROLE: 'bridge' }).http.port).toBe(3002);
    expect(load({ SERVICE_ROLE: 'worker', ...SPLIT_ENV }).http.port).toBe(8080);
    expect(load({ SERVICE_ROLE: 'memory', PORT: '4000' }).http.port).toBe(4000);
  });

  it('names the variable and the accepted values when the role is unknown', () => {
    const result = loadConfig({ SERVICE_ROLE: 'api,memory' }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatConfigIssues(result.issues)).toContain('SERVICE_ROLE="api,memory": expected all, api, worker, api,worker, memory or bridge');
  });

  it('requires a shared store and bus when api and worker run in separate processes', () => {
    for (const role of ['api', 'worker']) {
      const result = loadConfig({ SERVICE_ROLE: role }, ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.variable).sort()).toEqual(['DATABASE_URL', 'REDIS_URL']);
      expect(load({ SERVICE_ROLE: role, ...SPLIT_ENV }).role.name).toBe(role);
    }
    expect(load({ SERVICE_ROLE: 'api,worker' }).role.name).toBe('all');
  });
});

describe('memory cleanup schedule', () => {
  it('defaults to 02:00 UTC daily, is off with "off", and rejects a bad expression or zone', () => {
    expect(load({}).memory.cleanup).toEqual({ cron: '0 2 * * *', timezone: 'UTC' });
    expect(load({ MEMORY_CLEANUP_CRON: '*/10 * * * *', MEMORY_CLEANUP_TZ: 'Europe/Berlin' }).memory.cleanup).toEqual({
      cron: '*/10 * * * *',
      timezone: 'Europe/Berlin',
    });
    expect(load({ MEMORY_CLEANUP_CRON: 'off' }).memory.cleanup).toBeNull();
    const bad = loadConfig({ MEMORY_CLEANUP_CRON: '61 * * * *', MEMORY_CLEANUP_TZ: 'Mars/Olympus' }, ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.variable).sort()).toEqual(['MEMORY_CLEANUP_CRON', 'MEMORY_CLEANUP_TZ']);
  });

  it('MEMORY_API_TIMEOUT is a duration', () => {
    expect(load({ MEMORY_API_TIMEOUT: '1500ms' }).memory.apiTimeoutMs).toBe(1500);
    expect(loadConfig({ MEMORY_API_TIMEOUT: 'soon' }, ctx).ok).toBe(false);
  });
});
