/** Foreign-key violations across dialects (pg SQLSTATE 23503, better-sqlite3 result code). */
export declare function isForeignKeyViolation(err: unknown): boolean;
