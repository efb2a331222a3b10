/** Mapping between the employees table (JSON text columns) and StoredEmployee. */
import type { Insertable, Selectable } from 'kysely';
import { employee, employeeEdit, type Employee } from '@dash/shared';
import type { EmployeeOverrides, StoredEmployee } from '../../ports/employee-repository.js';
import type { EmployeesTable } from './schema.js';

export type EmployeeRow = Selectable<EmployeesTable>;

/** Rows are re-validated on read: a hand-edited database fails loudly instead of leaking bad data. */
export function rowToStoredEmployee(row: EmployeeRow): StoredEmployee {
  const effective = employee.parse({
    id: row.id,
    name: row.name,
    role: row.role,
    department: row.department,
    level: row.level,
    status: row.status,
    skills: JSON.parse(row.skills) as unknown,
    promptFile: row.prompt_file,
    maxConcurrentTasks: row.max_concurrent_tasks,
    runtimeConfig: JSON.parse(row.runtime_config) as unknown,
  });
  return {
    employee: effective,
    source: row.source,
    overrides: employeeEdit.parse(JSON.parse(row.overrides) as unknown),
    position: row.position,
    retiredAt: row.retired_at,
    updatedAt: row.updated_at,
  };
}

export const fileRecordOf = (row: Pick<EmployeeRow, 'file_record'>): Employee =>
  employee.parse(JSON.parse(row.file_record) as unknown);

export const overridesOf = (row: Pick<EmployeeRow, 'overrides'>): EmployeeOverrides =>
  employeeEdit.parse(JSON.parse(row.overrides) as unknown);

/** The columns that follow the effective record, the file record and the overrides. */
export function employeeColumns(
  effective: Employee,
  fileRecord: Employee,
  overrides: EmployeeOverrides,
  hasOverrides: boolean,
): Omit<Insertable<EmployeesTable>, 'id' | 'position' | 'retired_at' | 'created_at' | 'updated_at'> {
  return {
    name: effective.name,
    role: effective.role,
    department: effective.department,
    level: effective.level,
    status: effective.status,
    skills: JSON.stringify(effective.skills),
    prompt_file: effective.promptFile,
    max_concurrent_tasks: effective.maxConcurrentTasks,
    runtime_config: JSON.stringify(effective.runtimeConfig),
    file_record: JSON.stringify(fileRecord),
    overrides: JSON.stringify(overrides),
    source: hasOverrides ? 'api' : 'file',
  };
}
