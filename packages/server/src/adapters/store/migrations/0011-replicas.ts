/**
 * 0011: replicas, one row per backend replica (NODE_ID): its heartbeat (a counter and the time of
 * the last beat), its state (alive, stopped, dead) and its address (services/cluster). A restarted
 * replica takes its row over with a new instance id.
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';

export const migration0011Replicas = (dialect: StoreDialect): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const pg = dialect === 'postgres';
    await db.schema
      .createTable('replicas')
      .addColumn('node_id', 'text', (c) => c.primaryKey())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('instance', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('pid', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('last_beat_at', 'text', (c) => c.notNull())
      .addColumn('beats', pg ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('replicas').execute();
  },
});
