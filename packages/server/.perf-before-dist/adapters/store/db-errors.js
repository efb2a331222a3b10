/** Recognizes driver errors across dialects (pg SQLSTATE codes, better-sqlite3 result codes). */
const hasCode = (err) => typeof err === 'object' && err !== null && 'code' in err;
/** A primary-key or unique constraint violation. */
export function isUniqueViolation(err) {
    if (!hasCode(err) || typeof err.code !== 'string')
        return false;
    return err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || err.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
//# sourceMappingURL=db-errors.js.map