import { describe, expect, it } from 'vitest';
import { userFromPostgresUrl, withExplicitUser } from './postgres-connection.js';

describe('userFromPostgresUrl', () => {
  it.each([
    ['postgres://root@127.0.0.1:5432/test', 'root'],
    ['postgres://al%40ice:p%3Ass@host/db', 'al@ice'],
    ['postgresql://bob@/db?host=/var/run/postgresql', 'bob'],
    ['postgres://127.0.0.1/db?user=carol&sslmode=disable', 'carol'],
    ['postgres://:secret@host/db', null],
    ['postgres://127.0.0.1:5432/test', null],
    ['postgres:///db?host=/var/run/postgresql', null],
  ])('%s → %s', (url, user) => {
    expect(userFromPostgresUrl(url)).toBe(user);
  });
});

describe('withExplicitUser', () => {
  it('leaves a URL that names its user as it is', () => {
    expect(withExplicitUser('postgres://root@h/db', 'x')).toBe('postgres://root@h/db');
    expect(withExplicitUser('postgres://h/db?user=y', 'x')).toBe('postgres://h/db?user=y');
  });

  it('adds the fallback user as a query parameter', () => {
    expect(withExplicitUser('postgres://h:5432/db', 'root')).toBe('postgres://h:5432/db?user=root');
    expect(withExplicitUser('postgres:///db?host=/run/pg', 'a b')).toBe('postgres:///db?host=/run/pg&user=a%20b');
  });
});
