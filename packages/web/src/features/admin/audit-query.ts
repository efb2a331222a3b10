/** The audit page's filter form and its translation to the API query. */
import type { AuditOutcome, ListAuditQuery } from '@dash/shared';

export interface AuditFilters {
  actor: string;
  action: string;
  outcome: AuditOutcome | '';
  /** `datetime-local` values (the browser's time zone), or ''. */
  from: string;
  to: string;
}

export const emptyAuditFilters = (): AuditFilters => ({ actor: '', action: '', outcome: '', from: '', to: '' });

/** Empty fields are left out; local date-times become ISO instants. */
export function auditQuery(f: AuditFilters, cursor?: number, limit = 100): ListAuditQuery {
  const iso = (local: string): string | undefined => (local === '' || Number.isNaN(Date.parse(local)) ? undefined : new Date(local).toISOString());
  const from = iso(f.from);
  const to = iso(f.to);
  return {
    limit,
    ...(f.actor.trim() !== '' && { actor: f.actor.trim() }),
    ...(f.action.trim() !== '' && { action: f.action.trim() }),
    ...(f.outcome !== '' && { outcome: f.outcome }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    ...(cursor !== undefined && { cursor }),
  };
}
