/**
 * 0004: tasks, their labels, dependency edges, comments and status timeline. Same DDL on both
 * dialects: lists and objects are JSON text (`required_skills`, `labels`, `assignment`,
 * timeline `data`), timestamps ISO text. Labels are also one `task_labels` row each so the label
 * filter is an index lookup rather than a LIKE over JSON. Everything hanging off a task cascades
 * when it is deleted, including edges in both directions.
 *
 * Indexes match the queries: the list order (created_at desc, id desc) for keyset pages, the
 * dispatch order (status, priority_weight desc, queued_at, id) for listReady, dependents by
 * depends_on_id, employee filters, and comments/timeline per task in insertion order.
 */
import { type Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0004Tasks: (dialect: StoreDialect) => Migration;
