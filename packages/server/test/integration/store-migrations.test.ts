/**
 * Migrations apply as one unit on both dialects: when one fails, none of the pending ones stays
 * applied, and the error names the migration that failed.
 */
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/adapters/store/migrate.js';
import type { StoreMigrations } from '../../src/adapters/store/migrations/index.js';
import { postgresClientConfig } from '../../src/adapters/store/postgres-connection.js';
import { openSqliteDatabase } from '../../src/adapters/store/sqlite-database.js';
import { silentStoreLogger } from '../../src/adapters/store/store-logger.js';
import type { StoreDialect } from '../../src/ports/store.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const createsTable = (table: string): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await db.schema.createTable(table).addColumn('id', 'text', (c) => c.primaryKey()).execute();
  },
});
const fails: Migration = {
  up: async (db: Kysely<unknown>) => {
    await sql`select * from no_such_table`.execute(db);
  },
};
const migrations: StoreMigrations = [
  ['0001-good', () => createsTable('good_one')],
  ['0002-bad', () => fails],
];

async function tableNames(db: Kysely<unknown>): Promise<string[]> {
  return (await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name).sort();
}

async function expectAllOrNothing(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await expect(migrateToLatest(db, dialect, silentStoreLogger, migrations)).rejects.toMatchObject({
    code: 'STORE_MIGRATION_FAILED',
    details: { migration: '0002-bad' },
  });
  expect(await tableNames(db)).not.toContain('good_one');

  // Fixing the broken migration then applies both, once.
  const fixed: StoreMigrations = [migrations[0]!, ['0002-bad', () => createsTable('fixed_two')]];
  const applied: object[] = [];
  const logger = { info: (obj: object) => applied.push(obj), warn: () => undefined };
  await migrateToLatest(db, dialect, logger, fixed);
  await migrateToLatest(db, dialect, logger, fixed);
  expect(applied).toEqual([
    { migration: '0001-good', dialect },
    { migration: '0002-bad', dialect },
  ]);
  expect(await tableNames(db)).toEqual(expect.arrayContaining(['good_one', 'fixed_two']));
}

describe('store migrations on SQLite', () => {
  let dir: TempDir;
  let db: Kysely<unknown>;
  beforeAll(async () => {
    dir = await makeTempDir('dash-migrate-');
    db = new Kysely({ dialect: new SqliteDialect({ database: openSqliteDatabase(join(dir.path, 'm.db')) }) });
  });
  afterAll(async () => {
    await db?.destroy();
    await dir?.cleanup();
  });

  it('apply all or nothing', () => expectAllOrNothing(db, 'sqlite'));
});

describe('store migrations on PostgreSQL', () => {
  let database: TestDatabase;
  let db: Kysely<unknown>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool(postgresClientConfig({ url: database.url })) }) });
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('apply all or nothing', () => expectAllOrNothing(db, 'postgres'));
});
