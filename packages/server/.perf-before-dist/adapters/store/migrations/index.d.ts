/**
 * The ordered list of migrations. A static provider (not a folder scan) so it works the same from
 * src/ under tsx and from dist/. To add one: create `NNNN-name.ts` exporting a factory
 * `(dialect) => Migration` and append it here. Names sort in apply order and are never renamed.
 */
import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export type StoreMigrations = ReadonlyArray<readonly [name: string, factory: (dialect: StoreDialect) => Migration]>;
export declare const storeMigrations: StoreMigrations;
export declare const migrationProvider: (dialect: StoreDialect, migrations?: StoreMigrations) => MigrationProvider;
