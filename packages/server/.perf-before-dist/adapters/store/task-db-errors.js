/** Foreign-key violations across dialects (pg SQLSTATE 23503, better-sqlite3 result code). */
export function isForeignKeyViolation(err) {
    if (typeof err !== 'object' || err === null || !('code' in err))
        return false;
    return err.code === '23503' || err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
//# sourceMappingURL=task-db-errors.js.map