/**
 * The LeaderLock contract on PostgreSQL (advisory lock on a dedicated connection; a crash is
 * pg_terminate_backend of that connection) and on the embedded SQLite file lock (a crash is the
 * lock's connection closing, which is what the OS does when the process dies).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type pg from 'pg';
import { PostgresLeaderLock } from '../../src/adapters/leader-lock/postgres-leader-lock.js';
import { SqliteFileLeaderLock } from '../../src/adapters/leader-lock/sqlite-file-leader-lock.js';
import { postgresClientConfig } from '../../src/adapters/store/postgres-connection.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { LeaderLock } from '../../src/ports/leader-lock.js';
import { defineLeaderLockContract } from '../contracts/leader-lock.contract.js';
import { createTestDatabase, withAdminClient } from '../support/postgres.js';
import { makeTempDir } from '../support/temp-dir.js';

defineLeaderLockContract('PostgreSQL advisory lock', async () => {
  const database = await createTestDatabase();
  const appNames = new Map<LeaderLock, string>();
  return {
    contender(name) {
      const applicationName = `dash-lock-test-${randomUUID().slice(0, 8)}`;
      const lock = new PostgresLeaderLock({ name, client: postgresClientConfig({ url: database.url, applicationName }), logger: silentLogger });
      appNames.set(lock, applicationName);
      return lock;
    },
    async crash(lock) {
      const applicationName = appNames.get(lock);
      await withAdminClient(async (client: pg.Client) => {
        await client.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [applicationName]);
        // The backend exits (and frees its locks) asynchronously: wait until it is gone.
        for (;;) {
          const { rows } = await client.query('select 1 from pg_stat_activity where application_name = $1', [applicationName]);
          if (rows.length === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      });
    },
    cleanup: () => database.drop(),
  };
});

defineLeaderLockContract('embedded SQLite file lock', async () => {
  const dir = await makeTempDir('dash-leader-');
  return {
    contender: (name) => new SqliteFileLeaderLock({ name, file: join(dir.path, `leader-${name}.lock`), logger: silentLogger }),
    crash: (lock) => lock.release(),
    cleanup: () => dir.cleanup(),
  };
});
