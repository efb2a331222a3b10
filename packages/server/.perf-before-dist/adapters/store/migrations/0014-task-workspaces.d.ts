/** 0014: isolated task workspaces (docs/workspaces-and-approvals.md): one row per task that asked for a git worktree. */
import type { Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0014TaskWorkspaces: (_dialect: StoreDialect) => Migration;
