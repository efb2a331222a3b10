/** The employee repository contract on a SQLite file in a temp dir. */
import { join } from 'node:path';
import { employeeRepositoryFor } from '../../src/adapters/store/kysely-employee-repository.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { defineEmployeeRepositoryContract } from '../contracts/employee-repository.contract.js';
import { makeTempDir } from '../support/temp-dir.js';

defineEmployeeRepositoryContract('sqlite', async () => {
  const dir = await makeTempDir('dash-employees-');
  const file = join(dir.path, 'dash.db');
  const store = await openStore({ kind: 'sqlite', file });
  return {
    repository: employeeRepositoryFor(store),
    reopen: async () => {
      const other = await openStore({ kind: 'sqlite', file });
      return { repository: employeeRepositoryFor(other), close: () => other.close() };
    },
    cleanup: async () => {
      await store.close();
      await dir.cleanup();
    },
  };
});
