/** Mapping between the employees table (JSON text columns) and StoredEmployee. */
import type { Insertable, Selectable } from 'kysely';
import { type Employee } from '@dash/shared';
import type { EmployeeOverrides, StoredEmployee } from '../../ports/employee-repository.js';
import type { EmployeesTable } from './schema.js';
export type EmployeeRow = Selectable<EmployeesTable>;
/** Rows are re-validated on read: a hand-edited database fails loudly instead of leaking bad data. */
export declare function rowToStoredEmployee(row: EmployeeRow): StoredEmployee;
export declare const fileRecordOf: (row: Pick<EmployeeRow, "file_record">) => Employee;
export declare const overridesOf: (row: Pick<EmployeeRow, "overrides">) => EmployeeOverrides;
/** The columns that follow the effective record, the file record and the overrides. */
export declare function employeeColumns(effective: Employee, fileRecord: Employee, overrides: EmployeeOverrides, hasOverrides: boolean): Omit<Insertable<EmployeesTable>, 'id' | 'position' | 'retired_at' | 'created_at' | 'updated_at'>;
