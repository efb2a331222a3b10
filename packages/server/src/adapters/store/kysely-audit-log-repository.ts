/** The append-only audit log over the store's Kysely instance (SQLite or PostgreSQL). */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditEntry } from '@dash/shared';
import type { AuditFilter, AuditLogRepository, AuditPage, NewAuditEntry } from '../../ports/audit-log.js';
import type { AuditLogTable } from './auth-schema.js';
import type { StoreDatabase } from './schema.js';

const toEntry = (row: Selectable<AuditLogTable>): AuditEntry => ({
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
  detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
});

/** `%`, `_` and the escape character itself, escaped for LIKE … ESCAPE '\'. */
const likePrefix = (text: string): string => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class KyselyAuditLogRepository implements AuditLogRepository {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  async append(entry: NewAuditEntry): Promise<void> {
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

  async list(filter: AuditFilter): Promise<AuditPage> {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.actor !== undefined) {
      const actor = filter.actor;
      query = query.where((eb) => eb.or([eb('actor_name', '=', actor), eb('actor_id', '=', actor)]));
    }
    if (filter.action !== undefined) query = query.where(sql<boolean>`action like ${likePrefix(filter.action)} escape '\\'`);
    if (filter.outcome !== undefined) query = query.where('outcome', '=', filter.outcome);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<=', filter.to);
    if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
    const rows = await query.orderBy('seq', 'desc').limit(filter.limit + 1).execute();
    const items = rows.slice(0, filter.limit).map(toEntry);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > filter.limit && last !== undefined ? last.seq : null };
  }
}
