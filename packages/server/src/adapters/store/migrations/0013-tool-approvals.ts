/**
 * 0013: tool approvals (docs/workspaces-and-approvals.md). A Claude Code permission prompt routed
 * through the MCP tool `approve_tool_use` is an input request of kind `tool_approval`: same
 * lifecycle (pending → answered | cancelled | expired), same live topic, plus the tool asked for
 * and the person's decision. Existing rows are questions.
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';

export const migration0013ToolApprovals = (_dialect: StoreDialect): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('input_requests').addColumn('kind', 'text', (c) => c.notNull().defaultTo('question')).execute();
    await db.schema.alterTable('input_requests').addColumn('tool_name', 'text').execute();
    await db.schema.alterTable('input_requests').addColumn('tool_input', 'text').execute();
    await db.schema.alterTable('input_requests').addColumn('tool_use_id', 'text').execute();
    await db.schema.alterTable('input_requests').addColumn('decision', 'text').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const column of ['decision', 'tool_use_id', 'tool_input', 'tool_name', 'kind']) {
      await db.schema.alterTable('input_requests').dropColumn(column).execute();
    }
  },
});
