/** The task-memory repository contract on a fresh PostgreSQL database. Fails (never skips) when PostgreSQL is unreachable. */
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { KyselyTaskMemoryRepository } from '../../src/adapters/store/kysely-task-memory-repository.js';
import { KyselyTaskRepository } from '../../src/adapters/store/kysely-task-repository.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { defineTaskMemoryRepositoryContract } from '../contracts/task-memory-repository.contract.js';
import { createTestDatabase } from '../support/postgres.js';

defineTaskMemoryRepositoryContract('postgres', async () => {
  const database = await createTestDatabase();
  try {
    const store = await openStore({ kind: 'postgres', url: database.url, poolSize: 4 });
    const { db } = storeDatabaseOf(store);
    return {
      repo: new KyselyTaskMemoryRepository(db),
      tasks: new KyselyTaskRepository(db),
      cleanup: async () => {
        await store.close();
        await database.drop();
      },
    };
  } catch (err) {
    await database.drop();
    throw err;
  }
});
