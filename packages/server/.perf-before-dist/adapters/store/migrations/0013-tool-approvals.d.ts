/**
 * 0013: tool approvals (docs/workspaces-and-approvals.md). A Claude Code permission prompt routed
 * through the MCP tool `approve_tool_use` is an input request of kind `tool_approval`: same
 * lifecycle (pending → answered | cancelled | expired), same live topic, plus the tool asked for
 * and the person's decision. Existing rows are questions.
 */
import type { Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0013ToolApprovals: (_dialect: StoreDialect) => Migration;
