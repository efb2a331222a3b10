/** The auth and audit repository contract on a fresh PostgreSQL database (fails, never skips, without one). */
import { sql } from 'kysely';
import { KyselyAuditLogRepository } from '../../src/adapters/store/kysely-audit-log-repository.js';
import { KyselyAuthRepository } from '../../src/adapters/store/kysely-auth-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { defineAuthRepositoryContract } from '../contracts/auth-repository.contract.js';
import { createTestDatabase } from '../support/postgres.js';

defineAuthRepositoryContract('postgres', async () => {
  const database = await createTestDatabase();
  try {
    const store = await openStore({ kind: 'postgres', url: database.url, poolSize: 4 });
    const { db } = storeDatabaseOf(store);
    const attempt = (q: Promise<unknown>): Promise<unknown> => q.then(() => null, (err: unknown) => err);
    return {
      auth: new KyselyAuthRepository(db),
      audit: new KyselyAuditLogRepository(db),
      tamperWithAudit: async (id) => ({
        update: await attempt(sql`update audit_log set actor_name = 'mallory' where id = ${id}`.execute(db)),
        remove: await attempt(sql`delete from audit_log where id = ${id}`.execute(db)),
      }),
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
