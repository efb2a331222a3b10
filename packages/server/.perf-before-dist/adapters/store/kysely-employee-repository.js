import { AppError } from '../../domain/app-error.js';
import { applyOverrides, compactOverrides, hasOverrides, mergeOverrides } from '../../domain/employees/employee-overrides.js';
import { employeeColumns, fileRecordOf, overridesOf, rowToStoredEmployee } from './employee-row.js';
import { storeDatabaseOf } from './kysely-store.js';
import { toStoredIso } from './timestamps.js';
export class KyselyEmployeeRepository {
    db;
    dialect;
    constructor(db, dialect) {
        this.db = db;
        this.dialect = dialect;
    }
    async list(filter = {}) {
        let query = this.db.selectFrom('employees').selectAll();
        if (filter.includeRetired !== true)
            query = query.where('retired_at', 'is', null);
        if (filter.department !== undefined)
            query = query.where('department', '=', filter.department);
        if (filter.status !== undefined)
            query = query.where('status', '=', filter.status);
        const rows = await query.orderBy('position', 'asc').orderBy('id', 'asc').execute();
        const items = rows.map(rowToStoredEmployee);
        // Skills are a JSON list; a registry holds hundreds of rows at most, so filter here on both dialects.
        const skill = filter.skill;
        return skill === undefined ? items : items.filter((s) => s.employee.skills.includes(skill));
    }
    async get(id) {
        const row = await this.db.selectFrom('employees').selectAll().where('id', '=', id).executeTakeFirst();
        return row ? rowToStoredEmployee(row) : null;
    }
    upsertFromFile(records, options) {
        const now = toStoredIso(options.now);
        return this.db.transaction().execute(async (trx) => {
            const current = new Map((await this.lockAll(trx)).map((row) => [row.id, row]));
            const report = { upserted: [], retired: [], overridesDropped: [] };
            const seen = new Set();
            for (const [position, record] of records.entries()) {
                seen.add(record.id);
                const row = current.get(record.id);
                let overrides = row && !options.force ? overridesOf(row) : {};
                if (row && options.force && hasOverrides(overridesOf(row)))
                    report.overridesDropped.push(record.id);
                let applied = applyOverrides(record, overrides);
                if (!applied.ok) {
                    // The kept edits no longer fit the file's new record: the file wins for this employee.
                    report.overridesDropped.push(record.id);
                    overrides = {};
                    applied = applyOverrides(record, overrides);
                }
                if (!applied.ok)
                    throw new Error(`file record ${record.id} is invalid: ${applied.issues[0]?.message ?? ''}`);
                const columns = employeeColumns(applied.employee, record, overrides, hasOverrides(overrides));
                const values = { ...columns, position, retired_at: null, updated_at: now };
                if (row === undefined) {
                    await trx
                        .insertInto('employees')
                        .values({ id: record.id, ...values, created_at: now })
                        .onConflict((oc) => oc.column('id').doUpdateSet(values))
                        .execute();
                    report.upserted.push(record.id);
                }
                else if (changed(row, values)) {
                    await trx.updateTable('employees').set(values).where('id', '=', record.id).execute();
                    report.upserted.push(record.id);
                }
            }
            const retire = [...current.values()].filter((row) => !seen.has(row.id) && row.retired_at === null).map((r) => r.id);
            if (retire.length > 0) {
                await trx.updateTable('employees').set({ retired_at: now, updated_at: now }).where('id', 'in', retire).execute();
                report.retired.push(...retire);
            }
            return report;
        });
    }
    updateFields(id, edit, now) {
        const at = toStoredIso(now);
        return this.db.transaction().execute(async (trx) => {
            let query = trx.selectFrom('employees').selectAll().where('id', '=', id);
            if (this.dialect === 'postgres')
                query = query.forUpdate();
            const row = await query.executeTakeFirst();
            if (!row || row.retired_at !== null) {
                throw new AppError('NOT_FOUND', { message: `Employee ${id} not found`, details: { employeeId: id } });
            }
            const overrides = mergeOverrides(overridesOf(row), compactOverrides(edit));
            const applied = applyOverrides(fileRecordOf(row), overrides);
            if (!applied.ok) {
                throw new AppError('VALIDATION_FAILED', {
                    message: 'The edited employee would be invalid',
                    fields: applied.issues.map((issue) => ({ path: `body.${issue.path}`, message: issue.message })),
                });
            }
            const columns = employeeColumns(applied.employee, fileRecordOf(row), overrides, hasOverrides(overrides));
            const updated = await trx
                .updateTable('employees')
                .set({ ...columns, updated_at: at })
                .where('id', '=', id)
                .returningAll()
                .executeTakeFirstOrThrow();
            return rowToStoredEmployee(updated);
        });
    }
    /** Every row, locked against concurrent syncs and edits until the transaction ends (PostgreSQL). */
    lockAll(trx) {
        const query = trx.selectFrom('employees').selectAll();
        return (this.dialect === 'postgres' ? query.forUpdate() : query).execute();
    }
}
/** Whether writing `values` would change the row (keeps `updated_at` meaningful across no-op reloads). */
function changed(row, values) {
    return Object.keys(values).some((key) => key !== 'updated_at' && row[key] !== values[key]);
}
/** Adapter-to-adapter wiring (app.ts): the employee repository in the store's own database. */
export function employeeRepositoryFor(store) {
    const { db, dialect } = storeDatabaseOf(store);
    return new KyselyEmployeeRepository(db, dialect);
}
//# sourceMappingURL=kysely-employee-repository.js.map