/**
 * 0007: users, browser sessions, API tokens, first-run setup tokens and the audit log.
 *  - secrets are hashes only (`token_hash`: SHA-256 hex of the random value; `password_hash`:
 *    argon2id PHC string);
 *  - `disabled` is 0/1 on both dialects; timestamps are ISO text like everywhere else;
 *  - sessions and tokens cascade with their user (users are disabled, never deleted, by the API);
 *  - audit_log is append-only: triggers refuse UPDATE and DELETE on both dialects.
 */
import { type Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0007Auth: (dialect: StoreDialect) => Migration;
