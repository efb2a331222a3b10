/**
 * Usage totals grouped in SQL. Runs are selected by `started_at` in [from, to) (runs that never
 * started are left out); the day key is the first 10 characters of the canonical ISO text, i.e. the
 * UTC date, so the same expression works in both dialects. Runs without a task (or employee) are
 * left out of those groupings. Rows come sorted by key.
 */
import { sql } from 'kysely';
import { toStoredIso } from './timestamps.js';
export async function usageRollup(db, groupBy, range) {
    const key = groupBy === 'day'
        ? sql `substr(started_at, 1, 10)`
        : sql.ref(groupBy === 'task' ? 'task_id' : 'employee_id');
    const rows = await db
        .selectFrom('runs')
        .select((eb) => [
        key.as('key'),
        eb.fn.countAll().as('runs'),
        eb.fn.sum('input_tokens').as('input_tokens'),
        eb.fn.sum('output_tokens').as('output_tokens'),
        eb.fn.sum('cache_read_tokens').as('cache_read_tokens'),
        eb.fn.sum('cache_write_tokens').as('cache_write_tokens'),
        eb.fn.sum('cost_usd').as('cost_usd'),
    ])
        .where('started_at', '>=', toStoredIso(range.from))
        .where('started_at', '<', toStoredIso(range.to))
        .where(key, 'is not', null)
        .groupBy(key)
        .orderBy(key)
        .execute();
    // Aggregates are numbers on both dialects (see the int8/numeric parsers); Number() guards the type.
    return rows.map((row) => ({
        key: row.key,
        runs: Number(row.runs),
        usage: {
            inputTokens: Number(row.input_tokens),
            outputTokens: Number(row.output_tokens),
            cacheReadTokens: Number(row.cache_read_tokens),
            cacheWriteTokens: Number(row.cache_write_tokens),
            costUsd: Number(row.cost_usd),
        },
    }));
}
//# sourceMappingURL=usage-rollup-query.js.map