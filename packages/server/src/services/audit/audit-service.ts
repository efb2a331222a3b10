/**
 * Writes and reads the audit log. Recording never fails the action it records: a store error is
 * logged (without the entry's detail) and the request goes on. Entries never carry secrets:
 * callers pass names, ids and outcomes, never bodies, passwords or tokens.
 */
import type { AuditEntry, ListAuditParams } from '@dash/shared';
import type { AuditLogRepository, AuditPage, NewAuditEntry } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';

export type AuditRecord = Omit<NewAuditEntry, 'id' | 'at' | 'ip' | 'userAgent' | 'target' | 'status' | 'detail' | 'actorId' | 'actorName'> &
  Partial<Pick<NewAuditEntry, 'ip' | 'userAgent' | 'target' | 'status' | 'detail' | 'actorId' | 'actorName'>>;

export interface AuditServiceDeps {
  repo: AuditLogRepository;
  clock: Clock;
  newId: () => string;
  logger: Logger;
}

export class AuditService {
  constructor(private readonly deps: AuditServiceDeps) {}

  async record(entry: AuditRecord): Promise<void> {
    const full: NewAuditEntry = {
      id: this.deps.newId(),
      at: this.deps.clock.isoNow(),
      actorId: entry.actorId ?? null,
      actorName: entry.actorName ?? null,
      actorKind: entry.actorKind,
      action: entry.action,
      target: entry.target ?? null,
      status: entry.status ?? null,
      outcome: entry.outcome,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent === undefined || entry.userAgent === null ? null : entry.userAgent.slice(0, 300),
      detail: entry.detail ?? null,
    };
    try {
      await this.deps.repo.append(full);
    } catch (err) {
      this.deps.logger.error({ err: err instanceof Error ? err.message : String(err), action: full.action }, 'audit log append failed');
    }
  }

  list(query: ListAuditParams): Promise<AuditPage> {
    return this.deps.repo.list({
      limit: query.limit,
      ...(query.actor !== undefined && { actor: query.actor }),
      ...(query.action !== undefined && { action: query.action }),
      ...(query.outcome !== undefined && { outcome: query.outcome }),
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
      ...(query.cursor !== undefined && { beforeSeq: query.cursor }),
    });
  }
}

export type { AuditEntry };
