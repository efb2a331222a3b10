/**
 * AlertFactsSource over the store: employees (not retired), live runs per employee (every
 * replica's), queued tasks by explicit assignee, silent runs, each employee's latest finished runs
 * and today's cost. Plain aggregates, the same SQL on both dialects.
 */
import type { Kysely } from 'kysely';
import type { AlertFactsSnapshot, AlertFactsSource } from '../../ports/alert-facts.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyAlertFacts implements AlertFactsSource {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    read(options: {
        silentSince: string;
        dayStart: string;
        outcomesPerEmployee: number;
    }): Promise<AlertFactsSnapshot>;
}
