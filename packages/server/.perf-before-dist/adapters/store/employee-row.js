import { employee, employeeEdit } from '@dash/shared';
/** Rows are re-validated on read: a hand-edited database fails loudly instead of leaking bad data. */
export function rowToStoredEmployee(row) {
    const effective = employee.parse({
        id: row.id,
        name: row.name,
        role: row.role,
        department: row.department,
        level: row.level,
        status: row.status,
        skills: JSON.parse(row.skills),
        promptFile: row.prompt_file,
        maxConcurrentTasks: row.max_concurrent_tasks,
        runtimeConfig: JSON.parse(row.runtime_config),
    });
    return {
        employee: effective,
        source: row.source,
        overrides: employeeEdit.parse(JSON.parse(row.overrides)),
        position: row.position,
        retiredAt: row.retired_at,
        updatedAt: row.updated_at,
    };
}
export const fileRecordOf = (row) => employee.parse(JSON.parse(row.file_record));
export const overridesOf = (row) => employeeEdit.parse(JSON.parse(row.overrides));
/** The columns that follow the effective record, the file record and the overrides. */
export function employeeColumns(effective, fileRecord, overrides, hasOverrides) {
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
//# sourceMappingURL=employee-row.js.map