/** The append-only audit log over the store's Kysely instance (SQLite or PostgreSQL). */
import { type Kysely } from 'kysely';
import type { AuditFilter, AuditLogRepository, AuditPage, NewAuditEntry } from '../../ports/audit-log.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyAuditLogRepository implements AuditLogRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    append(entry: NewAuditEntry): Promise<void>;
    list(filter: AuditFilter): Promise<AuditPage>;
}
