/**
 * 0006: which memories a task's runs used and wrote (services/dispatch/run-memory.ts). Same DDL on
 * both dialects; both tables hang off their task and cascade when it is deleted.
 *  - task_memory_uses: one row per (run, memory) put in the run's prompt, with the relevance and
 *    rank the memory service gave it. No memory content: that stays encrypted in `memories`.
 *  - task_memory_writes: at most one row per run (the primary key is the run id): the claim that
 *    keeps a run settled twice from writing two memories, then which memory it wrote or why none.
 *    `files_changed` is a JSON array of paths.
 * Memory ids are not foreign keys: a memory may be deleted and the record of its use stays.
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';

export const migration0006TaskMemories = (dialect: StoreDialect): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const real = dialect === 'postgres' ? 'double precision' : 'real';
    await db.schema
      .createTable('task_memory_uses')
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('memory_id', 'text', (c) => c.notNull())
      .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('memory_type', 'text', (c) => c.notNull())
      .addColumn('relevance', real, (c) => c.notNull())
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addColumn('tokens', 'integer', (c) => c.notNull())
      .addColumn('truncated', 'integer', (c) => c.notNull())
      .addColumn('used_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('task_memory_uses_pk', ['run_id', 'memory_id'])
      .execute();
    await db.schema.createIndex('task_memory_uses_task_idx').on('task_memory_uses').columns(['task_id', 'used_at']).execute();
    await db.schema.createIndex('task_memory_uses_memory_idx').on('task_memory_uses').column('memory_id').execute();

    await db.schema
      .createTable('task_memory_writes')
      .addColumn('run_id', 'text', (c) => c.primaryKey())
      .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('memory_id', 'text')
      .addColumn('memory_type', 'text')
      .addColumn('importance', real)
      .addColumn('files_changed', 'text', (c) => c.notNull())
      .addColumn('error_code', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('task_memory_writes_task_idx').on('task_memory_writes').columns(['task_id', 'created_at']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('task_memory_writes').execute();
    await db.schema.dropTable('task_memory_uses').execute();
  },
});
