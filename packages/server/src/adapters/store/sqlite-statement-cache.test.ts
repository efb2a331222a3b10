import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteImmediateDialect } from './sqlite-immediate-dialect.js';
import { withStatementCache } from './sqlite-statement-cache.js';

const opened: Database.Database[] = [];
function memory(): Database.Database {
  const db = new Database(':memory:');
  opened.push(db);
  db.exec('create table t (id integer primary key, v text)');
  db.exec("insert into t (v) values ('a'), ('b'), ('c')");
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

describe('withStatementCache', () => {
  it('hands out the same prepared statement for the same SQL text', () => {
    const cached = withStatementCache(memory());
    const first = cached.prepare('select v from t where id = ?');
    expect(cached.prepare('select v from t where id = ?')).toBe(first);
    expect(cached.prepare('select v from t where id = ?').all([2])).toEqual([{ v: 'b' }]);
    expect(cached.prepare('select v from t where id > ?')).not.toBe(first);
  });

  it('never hands out a statement that is still iterating', () => {
    const cached = withStatementCache(memory());
    const text = 'select v from t order by id';
    const iterating = cached.prepare(text).iterate([]);
    expect(iterating.next().value).toEqual({ v: 'a' });
    // A second query with the same text while the first is mid-stream gets its own statement.
    expect(cached.prepare(text).all([])).toEqual([{ v: 'a' }, { v: 'b' }, { v: 'c' }]);
    expect([...iterating]).toEqual([{ v: 'b' }, { v: 'c' }]);
  });

  it('drops the least recently used text beyond its capacity', () => {
    const cached = withStatementCache(memory(), 2);
    const one = cached.prepare('select 1');
    const two = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(one); // now most recently used
    cached.prepare('select 3'); // evicts "select 2"
    expect(cached.prepare('select 1')).toBe(one);
    expect(cached.prepare('select 2')).not.toBe(two);
  });

  it('serves Kysely, including a column added after a statement was cached, and closes the database', async () => {
    const db = memory();
    const kysely = new Kysely<{ t: { id: number; v: string } }>({ dialect: new SqliteImmediateDialect({ database: withStatementCache(db) }) });
    const select = () => sql<Record<string, unknown>>`select * from t where id = ${1}`.execute(kysely);
    expect((await select()).rows).toEqual([{ id: 1, v: 'a' }]);
    await sql`alter table t add column w text default 'x'`.execute(kysely);
    expect((await select()).rows).toEqual([{ id: 1, v: 'a', w: 'x' }]);
    await kysely.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ id: 9, v: 'z' }).execute();
    });
    expect((await kysely.selectFrom('t').select('v').where('id', '=', 9).execute())).toEqual([{ v: 'z' }]);
    await kysely.destroy();
    expect(db.open).toBe(false);
  });
});
