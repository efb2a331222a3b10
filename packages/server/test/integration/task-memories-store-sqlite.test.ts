/** The task-memory repository contract on a SQLite file in a temp dir (migrated by openStore). */
import { join } from 'node:path';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { KyselyTaskMemoryRepository } from '../../src/adapters/store/kysely-task-memory-repository.js';
import { KyselyTaskRepository } from '../../src/adapters/store/kysely-task-repository.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { defineTaskMemoryRepositoryContract } from '../contracts/task-memory-repository.contract.js';
import { makeTempDir } from '../support/temp-dir.js';

defineTaskMemoryRepositoryContract('sqlite', async () => {
  const dir = await makeTempDir('dash-task-memories-');
  const store = await openStore({ kind: 'sqlite', file: join(dir.path, 'dash.db') });
  const { db } = storeDatabaseOf(store);
  return {
    repo: new KyselyTaskMemoryRepository(db),
    tasks: new KyselyTaskRepository(db),
    cleanup: async () => {
      await store.close();
      await dir.cleanup();
    },
  };
});
