/**
 * 0010: the API bridge's tables (docs/bridge.md). Same DDL on both dialects; timestamps are ISO
 * text, JSON columns JSON text.
 *  - mcp_run_tokens: run-scoped MCP tokens, stored as SHA-256 hashes only;
 *  - input_requests: questions agents asked a human (request_human_input) and their answers;
 *  - alerts: at most one alert per `active_key` (the de-duplication key while its condition lasts,
 *    null afterwards); unique, so two evaluators cannot open the same alert twice;
 *  - alert_deliveries: one row per alert event and webhook, with its attempts (the outbox);
 *  - task_links: a subtask created by a run (create_subtask) and the task it was created for.
 */
import type { Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0010Bridge: (_dialect: StoreDialect) => Migration;
