import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { requestIdFrom } from './request-id.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString().split('\n').filter((l) => l.trim() !== ''));
      cb();
    },
  });
  const logger = createLogger({ level: 'info', nodeId: 'node-a' }, stream);
  return { logger, lines, last: () => JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown> };
}

describe('createLogger', () => {
  it('tags every line with the node id', () => {
    const { logger, last } = capture();
    logger.info('hello');
    expect(last()).toMatchObject({ msg: 'hello', nodeId: 'node-a', level: 30 });
  });

  it('redacts auth headers and cookies', () => {
    const { logger, lines } = capture();
    logger.info({ req: { headers: { authorization: 'Bearer abc.def', cookie: 'sid=xyz', 'x-api-key': 'k-123', accept: 'text/html' } } }, 'req');
    const line = lines.join('\n');
    for (const secret of ['abc.def', 'sid=xyz', 'k-123']) expect(line).not.toContain(secret);
    expect(line).toContain('text/html');
  });

  it('redacts password, token and secret fields at any of the first levels', () => {
    const { logger, lines } = capture();
    logger.info({ password: 'p1', user: { token: 't2', name: 'ann' }, deep: { auth: { secret: 's3' } } }, 'fields');
    const line = lines.join('\n');
    for (const secret of ['p1', 't2', 's3']) expect(line).not.toContain(`"${secret}"`);
    expect(line).toContain('ann');
  });

  it('keeps connection URLs but masks their password', () => {
    const { logger, last } = capture();
    logger.info({ store: { databaseUrl: 'postgres://dash:hunter2@db:5432/dash' }, redisUrl: 'redis://:pw@cache:6379' }, 'config');
    const entry = last();
    expect(entry.store).toEqual({ databaseUrl: 'postgres://dash:***@db:5432/dash' });
    expect(entry.redisUrl).toBe('redis://:***@cache:6379');
  });

  it('masks credentials in messages and error messages', () => {
    const { logger, lines } = capture();
    logger.warn('cannot reach postgres://dash:hunter2@db/dash');
    logger.error({ err: new Error('connect failed for postgres://dash:hunter2@db/dash') }, 'store down');
    expect(lines.join('\n')).not.toContain('hunter2');
    expect(lines.join('\n')).toContain('postgres://dash:***@db/dash');
  });
});

describe('requestIdFrom', () => {
  it('keeps plain ids and replaces anything else with a UUID', () => {
    expect(requestIdFrom('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom('<script>')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
