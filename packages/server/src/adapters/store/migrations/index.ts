/**
 * The ordered list of migrations. A static provider (not a folder scan) so it works the same from
 * src/ under tsx and from dist/. To add one: create `NNNN-name.ts` exporting a factory
 * `(dialect) => Migration` and append it here. Names sort in apply order and are never renamed.
 */
import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
import { migration0001Runs } from './0001-runs.js';
import { migration0002Jobs } from './0002-jobs.js';
import { migration0003Employees } from './0003-employees.js';
import { migration0004Tasks } from './0004-tasks.js';
import { migration0005Memories } from './0005-memories.js';

export type StoreMigrations = ReadonlyArray<readonly [name: string, factory: (dialect: StoreDialect) => Migration]>;

export const storeMigrations: StoreMigrations = [
  ['0001-runs', migration0001Runs],
  ['0002-jobs', migration0002Jobs],
  ['0003-employees', migration0003Employees],
  ['0004-tasks', migration0004Tasks],
  ['0005-memories', migration0005Memories],
];

export const migrationProvider = (dialect: StoreDialect, migrations: StoreMigrations = storeMigrations): MigrationProvider => ({
  getMigrations: () => Promise.resolve(Object.fromEntries(migrations.map(([name, make]) => [name, make(dialect)]))),
});
