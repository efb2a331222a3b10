/**
 * 0003: AI employees. One row per employee ever seen in the registry file (retired ones keep their
 * row: runs and tasks refer to them). The queried columns (department, status) are plain columns;
 * lists and objects are JSON (PostgreSQL `json`, kept as text by the pg type parser; SQLite text):
 *  - skills / runtime_config: the effective values (file record + API edits);
 *  - file_record: the record as the file last gave it, so edits can be re-applied or dropped;
 *  - overrides: the API edits in force (`{}` when none; then source = 'file').
 * Departments and company live in the file only (the API cannot edit them) and are held in memory.
 */
import type { Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0003Employees: (dialect: StoreDialect) => Migration;
