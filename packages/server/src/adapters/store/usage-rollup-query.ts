/**
 * Usage totals grouped in SQL. Runs are selected by `started_at` in [from, to) (runs that never
 * started are left out); the day key is the first 10 characters of the canonical ISO text, i.e. the
 * UTC date, so the same expression works in both dialects. Runs without a task (or employee) are
 * left out of those groupings. Rows come sorted by key.
 */
import { sql, type Kysely } from 'kysely';
import type { UsageRollupRow } from '../../ports/run-repository.js';
import type { StoreDatabase } from './schema.js';
import { toStoredIso } from './timestamps.js';

export async function usageRollup(
  db: Kysely<StoreDatabase>,
  groupBy: 'task' | 'employee' | 'day',
  range: { from: string; to: string },
): Promise<UsageRollupRow[]> {
  const key =
    groupBy === 'day'
      ? sql<string>`substr(started_at, 1, 10)`
      : sql.ref<string>(groupBy === 'task' ? 'task_id' : 'employee_id');
  const rows = await db
    .selectFrom('runs')
    .select((eb) => [
      key.as('key'),
      eb.fn.countAll<number>().as('runs'),
      eb.fn.sum<number>('input_tokens').as('input_tokens'),
      eb.fn.sum<number>('output_tokens').as('output_tokens'),
      eb.fn.sum<number>('cache_read_tokens').as('cache_read_tokens'),
      eb.fn.sum<number>('cache_write_tokens').as('cache_write_tokens'),
      eb.fn.sum<number>('cost_usd').as('cost_usd'),
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
