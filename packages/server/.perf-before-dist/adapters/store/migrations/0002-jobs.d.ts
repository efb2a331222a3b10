/**
 * 0002: the embedded job queue's table (adapters/queue-embedded). Several logical queues share it,
 * keyed by `queue`. `seq` is an insertion counter (the SQLite rowid; an identity on PostgreSQL)
 * that breaks FIFO ties; the claim index matches the claim order exactly
 * (priority desc, ready_at, seq), so a claim is an index scan. Times used for scheduling
 * (ready_at, lease_until) are epoch milliseconds; created_at/updated_at are ISO text like the
 * rest of the store.
 */
import { type Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0002Jobs: (dialect: StoreDialect) => Migration;
