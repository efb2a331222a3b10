export const DEFAULT_STATEMENT_CACHE_SIZE = 500;
export function withStatementCache(db, capacity = DEFAULT_STATEMENT_CACHE_SIZE) {
    const cache = new Map();
    return {
        close: () => db.close(),
        prepare(sql) {
            const hit = cache.get(sql);
            if (hit !== undefined) {
                if (hit.busy)
                    return db.prepare(sql);
                // Re-insert: Map keeps insertion order, so the first key is the least recently used.
                cache.delete(sql);
                cache.set(sql, hit);
                return hit;
            }
            const statement = db.prepare(sql);
            cache.set(sql, statement);
            if (cache.size > capacity)
                cache.delete(cache.keys().next().value);
            return statement;
        },
    };
}
//# sourceMappingURL=sqlite-statement-cache.js.map