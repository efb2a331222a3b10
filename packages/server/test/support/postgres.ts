/**
 * A fresh PostgreSQL database per test suite, on the server named by TEST_DATABASE_URL (default:
 * the machine's PostgreSQL, db `test`). Tests that need PostgreSQL fail, never skip, when it is
 * unreachable: the error says where it looked and how to fix it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withExplicitUser } from '../../src/adapters/store/postgres-connection.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface TestDatabase {
  name: string;
  /** TEST_DATABASE_URL pointing at the new database. */
  url: string;
  /** Drops the database, closing any connection still open on it. */
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `dash_t_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name}`));
  return {
    name,
    url: replaceDatabase(TEST_DATABASE_URL, name),
    drop: () => withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** A short-lived client on TEST_DATABASE_URL itself, or on `url` when given. */
export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>, url = TEST_DATABASE_URL): Promise<T> {
  const client = new pg.Client({ connectionString: withExplicitUser(url), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `PostgreSQL is unreachable at ${redact(url)} (${reason}). These tests need it: start it ` +
        '(see .ci/run) or point TEST_DATABASE_URL at a server where this user may create databases.',
      { cause: err },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The same URL with another database name (the path), query and credentials kept. */
function replaceDatabase(url: string, database: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)?(.*)$/i.exec(url);
  if (!match) throw new Error(`TEST_DATABASE_URL is not a URL: ${redact(url)}`);
  return `${match[1]}/${database}${match[3] ?? ''}`;
}

const redact = (url: string): string => url.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:***@');
