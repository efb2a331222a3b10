/** The append-only audit log over the store's Kysely instance (SQLite or PostgreSQL). */
import { sql } from 'kysely';
const toEntry = (row) => ({
    id: row.id,
    seq: Number(row.seq),
    at: row.at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    status: row.status === null ? null : Number(row.status),
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.user_agent,
    detail: row.detail === null ? null : JSON.parse(row.detail),
});
/** `%`, `_` and the escape character itself, escaped for LIKE … ESCAPE '\'. */
const likePrefix = (text) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
export class KyselyAuditLogRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async append(entry) {
        await this.db
            .insertInto('audit_log')
            .values({
            id: entry.id,
            at: entry.at,
            actor_kind: entry.actorKind,
            actor_id: entry.actorId,
            actor_name: entry.actorName,
            action: entry.action,
            target: entry.target,
            status: entry.status,
            outcome: entry.outcome,
            ip: entry.ip,
            user_agent: entry.userAgent,
            detail: entry.detail === null ? null : JSON.stringify(entry.detail),
        })
            .execute();
    }
    async list(filter) {
        let query = this.db.selectFrom('audit_log').selectAll();
        if (filter.actor !== undefined) {
            const actor = filter.actor;
            query = query.where((eb) => eb.or([eb('actor_name', '=', actor), eb('actor_id', '=', actor)]));
        }
        if (filter.action !== undefined)
            query = query.where(sql `action like ${likePrefix(filter.action)} escape '\\'`);
        if (filter.outcome !== undefined)
            query = query.where('outcome', '=', filter.outcome);
        if (filter.from !== undefined)
            query = query.where('at', '>=', filter.from);
        if (filter.to !== undefined)
            query = query.where('at', '<=', filter.to);
        if (filter.beforeSeq !== undefined)
            query = query.where('seq', '<', filter.beforeSeq);
        const rows = await query.orderBy('seq', 'desc').limit(filter.limit + 1).execute();
        const items = rows.slice(0, filter.limit).map(toEntry);
        const last = items[items.length - 1];
        return { items, nextCursor: rows.length > filter.limit && last !== undefined ? last.seq : null };
    }
}
//# sourceMappingURL=kysely-audit-log-repository.js.map