/**
 * The task repository contract on a SQLite file in a temp dir (migrated by openStore), plus what
 * the embedded file shows directly: the query plans use the task indexes, cascades are declared,
 * and migration 0004 can be rolled back and applied again.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { KyselyTaskRepository } from '../../src/adapters/store/kysely-task-repository.js';
import { migrationProvider } from '../../src/adapters/store/migrations/index.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { openSqliteDatabase } from '../../src/adapters/store/sqlite-database.js';
import { defineTaskRepositoryContract } from '../contracts/task-repository.contract.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

defineTaskRepositoryContract('sqlite', async (clock) => {
  const dir = await makeTempDir('dash-tasks-');
  const store = await openStore({ kind: 'sqlite', file: join(dir.path, 'dash.db') });
  return {
    repo: new KyselyTaskRepository(storeDatabaseOf(store).db, clock),
    cleanup: async () => {
      await store.close();
      await dir.cleanup();
    },
  };
});

describe('SQLite task tables', () => {
  let dir: TempDir | undefined;
  afterEach(async () => {
    await dir?.cleanup();
    dir = undefined;
  });

  it('plans the ready queue and the list page as index scans, and cascades from tasks', async () => {
    dir = await makeTempDir('dash-tasks-');
    const file = join(dir.path, 'dash.db');
    await (await openStore({ kind: 'sqlite', file })).close();
    const raw = new Database(file, { readonly: true });
    try {
      const plan = (query: string): string =>
        (raw.prepare(`explain query plan ${query}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
      const ready = plan("select * from tasks where status = 'queued' order by priority_weight desc, queued_at asc, id asc limit 10");
      expect(ready).toContain('tasks_ready_idx');
      expect(ready).not.toContain('TEMP B-TREE');
      const page = plan("select * from tasks where (created_at, id) < ('2025', 'x') order by created_at desc, id desc limit 10");
      expect(page).toContain('tasks_created_at_idx');
      expect(page).not.toContain('TEMP B-TREE');
      expect(plan("select task_id from task_dependencies where depends_on_id = 'x'")).toContain('task_dependencies_depends_on_idx');

      for (const table of ['task_labels', 'task_dependencies', 'task_comments', 'task_timeline', 'task_memory_uses', 'task_memory_writes']) {
        const fks = raw.pragma(`foreign_key_list(${table})`) as Array<{ table: string; on_delete: string }>;
        expect(fks.length, table).toBeGreaterThan(0);
        for (const fk of fks) expect(fk, table).toMatchObject({ table: 'tasks', on_delete: 'CASCADE' });
      }
    } finally {
      raw.close();
    }
  });

  it('rolls migration 0004 back (dropping every task table) and applies it again', async () => {
    dir = await makeTempDir('dash-tasks-');
    const file = join(dir.path, 'dash.db');
    await (await openStore({ kind: 'sqlite', file })).close();
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: openSqliteDatabase(file) }) });
    try {
      const migrator = new Migrator({ db, provider: migrationProvider('sqlite') });
      const tables = async (): Promise<string[]> =>
        (await db.introspection.getTables()).map((t) => t.name).filter((n) => n.startsWith('task')).sort();
      expect(await tables()).toEqual(['task_comments', 'task_dependencies', 'task_labels', 'task_links', 'task_memory_uses', 'task_memory_writes', 'task_timeline', 'task_workspaces', 'tasks']);

      const down = await migrator.migrateTo('0003-employees');
      expect(down.error).toBeUndefined();
      // Later migrations (if any) are rolled back with it.
      expect(down.results).toContainEqual({ migrationName: '0004-tasks', direction: 'Down', status: 'Success' });
      expect(await tables()).toEqual([]);

      const up = await migrator.migrateToLatest();
      expect(up.error).toBeUndefined();
      expect(await tables()).toEqual(['task_comments', 'task_dependencies', 'task_labels', 'task_links', 'task_memory_uses', 'task_memory_writes', 'task_timeline', 'task_workspaces', 'tasks']);
    } finally {
      await db.destroy();
    }
  });
});
