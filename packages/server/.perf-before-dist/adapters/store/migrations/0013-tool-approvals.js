export const migration0013ToolApprovals = (_dialect) => ({
    async up(db) {
        await db.schema.alterTable('input_requests').addColumn('kind', 'text', (c) => c.notNull().defaultTo('question')).execute();
        await db.schema.alterTable('input_requests').addColumn('tool_name', 'text').execute();
        await db.schema.alterTable('input_requests').addColumn('tool_input', 'text').execute();
        await db.schema.alterTable('input_requests').addColumn('tool_use_id', 'text').execute();
        await db.schema.alterTable('input_requests').addColumn('decision', 'text').execute();
    },
    async down(db) {
        for (const column of ['decision', 'tool_use_id', 'tool_input', 'tool_name', 'kind']) {
            await db.schema.alterTable('input_requests').dropColumn(column).execute();
        }
    },
});
//# sourceMappingURL=0013-tool-approvals.js.map