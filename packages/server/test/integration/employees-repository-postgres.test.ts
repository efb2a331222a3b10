/** The employee repository contract on a fresh PostgreSQL database. Fails (never skips) when PostgreSQL is unreachable. */
import { employeeRepositoryFor } from '../../src/adapters/store/kysely-employee-repository.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { defineEmployeeRepositoryContract } from '../contracts/employee-repository.contract.js';
import { createTestDatabase } from '../support/postgres.js';

defineEmployeeRepositoryContract('postgres', async () => {
  const db = await createTestDatabase();
  try {
    const store = await openStore({ kind: 'postgres', url: db.url, poolSize: 6 });
    return {
      repository: employeeRepositoryFor(store),
      reopen: async () => {
        const other = await openStore({ kind: 'postgres', url: db.url, poolSize: 2 });
        return { repository: employeeRepositoryFor(other), close: () => other.close() };
      },
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
