/**
 * The audit log: an append-only record of sign-ins (and failed ones), changes made through the
 * API (tasks, workflows, runs, employees, memory, users, tokens) and first-run setup: who, when,
 * what, from where. There is no update or delete; the store refuses them too (triggers).
 */
import type { AuditEntry, AuditOutcome } from '@dash/shared';
export type NewAuditEntry = Omit<AuditEntry, 'seq'>;
export interface AuditFilter {
    /** Username or user id. */
    actor?: string;
    /** Prefix of the action. */
    action?: string;
    outcome?: AuditOutcome;
    /** Inclusive ISO bounds on `at`. */
    from?: string;
    to?: string;
    limit: number;
    /** Entries with seq below this (the previous page's nextCursor). */
    beforeSeq?: number;
}
export interface AuditPage {
    items: AuditEntry[];
    nextCursor: number | null;
}
export interface AuditLogRepository {
    append(entry: NewAuditEntry): Promise<void>;
    /** Newest first. */
    list(filter: AuditFilter): Promise<AuditPage>;
}
