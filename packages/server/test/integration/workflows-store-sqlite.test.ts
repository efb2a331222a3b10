/** The workflow repository contract on a SQLite file in a temp dir (migrated by openStore). */
import { join } from 'node:path';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { KyselyWorkflowRepository } from '../../src/adapters/store/kysely-workflow-repository.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { defineWorkflowRepositoryContract } from '../contracts/workflow-repository.contract.js';
import { makeTempDir } from '../support/temp-dir.js';

const FIXED = { now: () => Date.parse('2030-01-01T00:00:00.000Z'), isoNow: () => '2030-01-01T00:00:00.000Z' };

defineWorkflowRepositoryContract('sqlite', async () => {
  const dir = await makeTempDir('dash-workflows-');
  const store = await openStore({ kind: 'sqlite', file: join(dir.path, 'dash.db') });
  return {
    repo: new KyselyWorkflowRepository(storeDatabaseOf(store).db, FIXED),
    cleanup: async () => {
      await store.close();
      await dir.cleanup();
    },
  };
});
