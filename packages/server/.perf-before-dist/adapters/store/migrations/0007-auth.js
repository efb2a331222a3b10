/**
 * 0007: users, browser sessions, API tokens, first-run setup tokens and the audit log.
 *  - secrets are hashes only (`token_hash`: SHA-256 hex of the random value; `password_hash`:
 *    argon2id PHC string);
 *  - `disabled` is 0/1 on both dialects; timestamps are ISO text like everywhere else;
 *  - sessions and tokens cascade with their user (users are disabled, never deleted, by the API);
 *  - audit_log is append-only: triggers refuse UPDATE and DELETE on both dialects.
 */
import { sql } from 'kysely';
export const migration0007Auth = (dialect) => ({
    async up(db) {
        const pg = dialect === 'postgres';
        await db.schema
            .createTable('users')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('username', 'text', (c) => c.notNull().unique())
            .addColumn('role', 'text', (c) => c.notNull())
            .addColumn('password_hash', 'text')
            .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'text', (c) => c.notNull())
            .addColumn('last_login_at', 'text')
            .execute();
        await db.schema
            .createTable('sessions')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('token_hash', 'text', (c) => c.notNull().unique())
            .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('last_seen_at', 'text', (c) => c.notNull())
            .addColumn('expires_at', 'text', (c) => c.notNull())
            .addColumn('revoked_at', 'text')
            .addColumn('ip', 'text')
            .addColumn('user_agent', 'text')
            .execute();
        await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['user_id', 'created_at']).execute();
        await db.schema
            .createTable('api_tokens')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('token_hash', 'text', (c) => c.notNull().unique())
            .addColumn('prefix', 'text', (c) => c.notNull())
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('role', 'text', (c) => c.notNull())
            .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('expires_at', 'text', (c) => c.notNull())
            .addColumn('last_used_at', 'text')
            .addColumn('revoked_at', 'text')
            .execute();
        await db.schema
            .createTable('setup_tokens')
            .addColumn('token_hash', 'text', (c) => c.primaryKey())
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('expires_at', 'text', (c) => c.notNull())
            .execute();
        await db.schema
            .createTable('audit_log')
            .addColumn('seq', pg ? 'bigint' : 'integer', (c) => (pg ? c.generatedAlwaysAsIdentity().primaryKey() : c.primaryKey()))
            .addColumn('id', 'text', (c) => c.notNull().unique())
            .addColumn('at', 'text', (c) => c.notNull())
            .addColumn('actor_kind', 'text', (c) => c.notNull())
            .addColumn('actor_id', 'text')
            .addColumn('actor_name', 'text')
            .addColumn('action', 'text', (c) => c.notNull())
            .addColumn('target', 'text')
            .addColumn('status', 'integer')
            .addColumn('outcome', 'text', (c) => c.notNull())
            .addColumn('ip', 'text')
            .addColumn('user_agent', 'text')
            .addColumn('detail', 'text')
            .execute();
        await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at', 'seq']).execute();
        await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_name', 'seq']).execute();
        await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'seq']).execute();
        if (pg) {
            await sql `create function audit_log_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit_log is append-only'; end $$`.execute(db);
            await sql `create trigger audit_log_no_change before update or delete on audit_log
        for each row execute function audit_log_append_only()`.execute(db);
        }
        else {
            await sql `create trigger audit_log_no_update before update on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
            await sql `create trigger audit_log_no_delete before delete on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
        }
    },
    async down(db) {
        for (const table of ['audit_log', 'setup_tokens', 'api_tokens', 'sessions', 'users'])
            await db.schema.dropTable(table).execute();
        if (dialect === 'postgres')
            await sql `drop function if exists audit_log_append_only()`.execute(db);
    },
});
//# sourceMappingURL=0007-auth.js.map