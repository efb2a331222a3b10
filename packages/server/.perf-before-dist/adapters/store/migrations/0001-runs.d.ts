/**
 * 0001: runs and their event log. DDL is shared by both dialects except the JSON payload column:
 * PostgreSQL `json` keeps the exact text (key order, and `\u0000` or lone surrogates that an
 * agent's raw output may contain, which `jsonb` rejects); SQLite stores it as plain text.
 * Tokens and byte counters are bigint (INTEGER affinity on SQLite); timestamps are ISO text.
 */
import { type Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0001Runs: (dialect: StoreDialect) => Migration;
