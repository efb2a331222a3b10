/**
 * The workflow repository contract on a fresh PostgreSQL database (a pool of several connections,
 * so the race test really runs concurrently). Fails, never skips, when PostgreSQL is unreachable.
 */
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { KyselyWorkflowRepository } from '../../src/adapters/store/kysely-workflow-repository.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { defineWorkflowRepositoryContract } from '../contracts/workflow-repository.contract.js';
import { createTestDatabase } from '../support/postgres.js';

const FIXED = { now: () => Date.parse('2030-01-01T00:00:00.000Z'), isoNow: () => '2030-01-01T00:00:00.000Z' };

defineWorkflowRepositoryContract('postgres', async () => {
  const db = await createTestDatabase();
  try {
    const store = await openStore({ kind: 'postgres', url: db.url, poolSize: 6 });
    return {
      repo: new KyselyWorkflowRepository(storeDatabaseOf(store).db, FIXED),
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
