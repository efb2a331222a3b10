/**
 * The task repository contract on a fresh PostgreSQL database (a pool of several connections, so
 * the race tests really run concurrently). Fails, never skips, when PostgreSQL is unreachable.
 */
import { KyselyTaskRepository } from '../../src/adapters/store/kysely-task-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { defineTaskRepositoryContract } from '../contracts/task-repository.contract.js';
import { createTestDatabase } from '../support/postgres.js';

defineTaskRepositoryContract('postgres', async (clock) => {
  const db = await createTestDatabase();
  try {
    const store = await openStore({ kind: 'postgres', url: db.url, poolSize: 6 });
    return {
      repo: new KyselyTaskRepository(storeDatabaseOf(store).db, clock),
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
