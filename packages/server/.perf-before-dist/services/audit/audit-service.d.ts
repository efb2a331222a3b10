/**
 * Writes and reads the audit log. Recording never fails the action it records: a store error is
 * logged (without the entry's detail) and the request goes on. Entries never carry secrets:
 * callers pass names, ids and outcomes, never bodies, passwords or tokens.
 */
import type { AuditEntry, ListAuditParams } from '@dash/shared';
import type { AuditLogRepository, AuditPage, NewAuditEntry } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
export type AuditRecord = Omit<NewAuditEntry, 'id' | 'at' | 'ip' | 'userAgent' | 'target' | 'status' | 'detail' | 'actorId' | 'actorName'> & Partial<Pick<NewAuditEntry, 'ip' | 'userAgent' | 'target' | 'status' | 'detail' | 'actorId' | 'actorName'>>;
export interface AuditServiceDeps {
    repo: AuditLogRepository;
    clock: Clock;
    newId: () => string;
    logger: Logger;
}
export declare class AuditService {
    private readonly deps;
    constructor(deps: AuditServiceDeps);
    record(entry: AuditRecord): Promise<void>;
    list(query: ListAuditParams): Promise<AuditPage>;
}
export type { AuditEntry };
