/**
 * Usage totals grouped in SQL. Runs are selected by `started_at` in [from, to) (runs that never
 * started are left out); the day key is the first 10 characters of the canonical ISO text, i.e. the
 * UTC date, so the same expression works in both dialects. Runs without a task (or employee) are
 * left out of those groupings. Rows come sorted by key.
 */
import { type Kysely } from 'kysely';
import type { UsageRollupRow } from '../../ports/run-repository.js';
import type { StoreDatabase } from './schema.js';
export declare function usageRollup(db: Kysely<StoreDatabase>, groupBy: 'task' | 'employee' | 'day', range: {
    from: string;
    to: string;
}): Promise<UsageRollupRow[]>;
