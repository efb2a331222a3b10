/**
 * EmployeeRepository over Kysely, one implementation for SQLite and PostgreSQL. File syncs and
 * API edits are read-modify-write in one transaction, so an edit racing a reload is never lost.
 * (On PostgreSQL several replicas may sync the same file at once; rows are locked `for update`
 * and inserts are upserts, so the last sync of identical input wins harmlessly.)
 */
import type { Kysely } from 'kysely';
import type { Employee } from '@dash/shared';
import type { EmployeeListFilter, EmployeeOverrides, EmployeeRepository, FileSyncOptions, FileSyncReport, StoredEmployee } from '../../ports/employee-repository.js';
import type { Store, StoreDialect } from '../../ports/store.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyEmployeeRepository implements EmployeeRepository {
    private readonly db;
    private readonly dialect;
    constructor(db: Kysely<StoreDatabase>, dialect: StoreDialect);
    list(filter?: EmployeeListFilter): Promise<StoredEmployee[]>;
    get(id: string): Promise<StoredEmployee | null>;
    upsertFromFile(records: readonly Employee[], options: FileSyncOptions): Promise<FileSyncReport>;
    updateFields(id: string, edit: EmployeeOverrides, now: string): Promise<StoredEmployee>;
    /** Every row, locked against concurrent syncs and edits until the transaction ends (PostgreSQL). */
    private lockAll;
}
/** Adapter-to-adapter wiring (app.ts): the employee repository in the store's own database. */
export declare function employeeRepositoryFor(store: Store): EmployeeRepository;
