import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.js';
import { mapError } from './map-error.js';

describe('mapError: disk full', () => {
  const sqliteFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

  it('answers 507 STORE_FULL for SQLite, PostgreSQL and filesystem disk-full errors', () => {
    for (const err of [sqliteFull, Object.assign(new Error('could not extend file'), { code: '53100' }), Object.assign(new Error('write'), { code: 'ENOSPC' })]) {
      const mapped = mapError(err, 'req-1');
      expect(mapped).toMatchObject({ status: 507, serverFault: true, body: { error: { code: 'STORE_FULL', requestId: 'req-1' } } });
    }
  });

  it('finds it as the cause of an AppError', () => {
    expect(mapError(new AppError('STORE_UNAVAILABLE', { cause: sqliteFull }), 'r').status).toBe(507);
  });

  it('leaves other errors alone', () => {
    expect(mapError(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }), 'r').status).toBe(500);
    expect(mapError(new AppError('STORE_UNAVAILABLE'), 'r').status).toBe(503);
  });
});
