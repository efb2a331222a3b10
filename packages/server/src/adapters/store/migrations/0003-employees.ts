/**
 * 0003: AI employees. One row per employee ever seen in the registry file (retired ones keep their
 * row: runs and tasks refer to them). The queried columns (department, status) are plain columns;
 * lists and objects are JSON (PostgreSQL `json`, kept as text by the pg type parser; SQLite text):
 *  - skills / runtime_config: the effective values (file record + API edits);
 *  - file_record: the record as the file last gave it, so edits can be re-applied or dropped;
 *  - overrides: the API edits in force (`{}` when none; then source = 'file').
 * Departments and company live in the file only (the API cannot edit them) and are held in memory.
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';

export const migration0003Employees = (dialect: StoreDialect): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const json = dialect === 'postgres' ? 'json' : 'text';
    await db.schema
      .createTable('employees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('skills', json, (c) => c.notNull())
      .addColumn('prompt_file', 'text', (c) => c.notNull())
      .addColumn('max_concurrent_tasks', 'integer', (c) => c.notNull())
      .addColumn('runtime_config', json, (c) => c.notNull())
      .addColumn('file_record', json, (c) => c.notNull())
      .addColumn('overrides', json, (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('employees_department_idx').on('employees').column('department').execute();
    await db.schema.createIndex('employees_status_idx').on('employees').column('status').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('employees').execute();
  },
});
