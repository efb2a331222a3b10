/**
 * Persistence of AI employees. Implemented once over Kysely for SQLite and PostgreSQL
 * (adapters/store); the employee-repository contract suite runs against both.
 *
 * Ownership rule (see services/employees/employee-registry-service.ts):
 *  - the registry FILE owns identity and structure: id, name, role, department, level, prompt file,
 *    and the editable fields nobody has edited through the API;
 *  - the API owns the allow-listed fields it edited (`overrides`): they are stored here and
 *    re-applied over every file reload, until a forced reload drops them.
 * A row's `source` is `api` while it carries any override, `file` otherwise.
 */
import type { DepartmentId, Employee, EmployeeEdit, EmployeeSource, EmployeeStatus, SkillId } from '@dash/shared';
/** The API-edited fields in force for one employee (absent keys follow the file); `{}` = none. */
export type EmployeeOverrides = EmployeeEdit;
export interface StoredEmployee {
    /** The effective record: the file's record with `overrides` applied. */
    employee: Employee;
    source: EmployeeSource;
    overrides: EmployeeOverrides;
    /** Index in the registry file, for a stable display and export order. */
    position: number;
    /** ISO 8601; when the employee left the registry file (kept for history), else null. */
    retiredAt: string | null;
    updatedAt: string;
}
export interface EmployeeListFilter {
    department?: DepartmentId;
    status?: EmployeeStatus;
    skill?: SkillId;
    /** Include employees no longer in the file. @default false */
    includeRetired?: boolean;
}
export interface FileSyncOptions {
    /** Drop every stored API override, so the file wins entirely. */
    force: boolean;
    /** ISO 8601 timestamp recorded on changed rows. */
    now: string;
}
export interface FileSyncReport {
    /** Ids inserted or updated from the file. */
    upserted: string[];
    /** Ids no longer in the file, now retired. */
    retired: string[];
    /** Ids whose overrides were dropped: by `force`, or because they no longer fit the file's record. */
    overridesDropped: string[];
}
export interface EmployeeRepository {
    /** Current employees in file order (retired ones only with `includeRetired`). */
    list(filter?: EmployeeListFilter): Promise<StoredEmployee[]>;
    /** Any employee, retired or not; null when unknown. */
    get(id: string): Promise<StoredEmployee | null>;
    /**
     * Upserts many: makes the stored registry match the file's records in one transaction. Each
     * record is stored with the row's kept overrides re-applied; ids absent from `records` are
     * retired (never deleted: runs and tasks keep referring to them); a record that is back un-retires.
     */
    upsertFromFile(records: readonly Employee[], options: FileSyncOptions): Promise<FileSyncReport>;
    /**
     * Applies an API edit of allow-listed fields atomically: merges `edit` into the stored overrides,
     * validates the effective record and stores it with source `api`. Throws AppError NOT_FOUND for
     * an unknown or retired id and VALIDATION_FAILED (with `body.*` fields) when the result is invalid.
     */
    updateFields(id: string, edit: EmployeeOverrides, now: string): Promise<StoredEmployee>;
}
