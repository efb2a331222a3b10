/**
 * 0006: which memories a task's runs used and wrote (services/dispatch/run-memory.ts). Same DDL on
 * both dialects; both tables hang off their task and cascade when it is deleted.
 *  - task_memory_uses: one row per (run, memory) put in the run's prompt, with the relevance and
 *    rank the memory service gave it. No memory content: that stays encrypted in `memories`.
 *  - task_memory_writes: at most one row per run (the primary key is the run id): the claim that
 *    keeps a run settled twice from writing two memories, then which memory it wrote or why none.
 *    `files_changed` is a JSON array of paths.
 * Memory ids are not foreign keys: a memory may be deleted and the record of its use stays.
 */
import type { Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0006TaskMemories: (dialect: StoreDialect) => Migration;
