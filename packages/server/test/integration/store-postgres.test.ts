/**
 * The store contract on a fresh PostgreSQL database, plus what only a shared server can show:
 * replicas starting at once. Fails (never skips) when PostgreSQL is unreachable.
 */
import { describe, expect, it } from 'vitest';
import { storeMigrations } from '../../src/adapters/store/migrations/index.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { MIGRATION_LOCK_KEY } from '../../src/adapters/store/postgres-migration-lock.js';
import type { Store } from '../../src/ports/store.js';
import { defineStoreContract } from '../contracts/store.contract.js';
import { createTestDatabase, withAdminClient } from '../support/postgres.js';

defineStoreContract('postgres', async () => {
  const db = await createTestDatabase();
  try {
    const store = await openStore({ kind: 'postgres', url: db.url, poolSize: 4 });
    return {
      store,
      reopen: () => openStore({ kind: 'postgres', url: db.url, poolSize: 2 }),
      cleanup: async () => {
        await store.close();
        await db.drop();
      },
    };
  } catch (err) {
    await db.drop();
    throw err;
  }
});

describe('PostgreSQL store', () => {
  it('lets several replicas open a fresh database at once, migrating exactly once', async () => {
    const db = await createTestDatabase();
    const stores: Store[] = [];
    try {
      const applied: object[] = [];
      const logger = { info: (obj: object, msg?: string) => msg?.includes('applied') && applied.push(obj), warn: () => undefined };
      const opened = await Promise.allSettled(
        Array.from({ length: 4 }, () => openStore({ kind: 'postgres', url: db.url, poolSize: 1 }, { logger })),
      );
      for (const result of opened) if (result.status === 'fulfilled') stores.push(result.value);
      expect(opened.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      expect(applied).toEqual(storeMigrations.map(([name]) => ({ migration: name, dialect: 'postgres' })));

      const rows = await withAdminClient(
        (client) => client.query<{ name: string }>('select name from kysely_migration order by name'),
        db.url,
      );
      expect(rows.rows).toEqual(storeMigrations.map(([name]) => ({ name })));
      for (const store of stores) await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    }
  });

  it('waits for the migration lock held by another replica before migrating', async () => {
    const db = await createTestDatabase();
    try {
      await withAdminClient(async (holder) => {
        await holder.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
        const waiting: string[] = [];
        const logger = { info: (_: object, msg?: string) => msg && waiting.push(msg), warn: () => undefined };
        let settled = false;
        const opening = openStore({ kind: 'postgres', url: db.url, poolSize: 1 }, { logger });
        opening.then(
          () => (settled = true),
          () => (settled = true),
        );

        // Deterministic: wait until the new store's lock request is queued behind ours.
        while (!settled) {
          const queued = await holder.query(
            "select 1 from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())",
          );
          if (queued.rowCount) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const tables = await holder.query("select 1 from information_schema.tables where table_name = 'runs'");
        expect(tables.rowCount).toBe(0);
        expect(waiting).toContain('waiting for another replica to finish store migrations');

        await holder.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
        const store = await opening;
        try {
          await expect(store.runs.get('nothing')).resolves.toBeNull();
        } finally {
          await store.close();
        }
      }, db.url);
    } finally {
      await db.drop();
    }
  });

  it('fails with STORE_UNAVAILABLE when the server cannot be reached', async () => {
    await expect(openStore({ kind: 'postgres', url: 'postgres://root@127.0.0.1:1/none' })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
  });
});
