/**
 * Questions agents asked a human (MCP `request_human_input`), as stored. Closing is conditional:
 * only a pending request closes, exactly once, whoever tries (answer, run end, expiry, replicas).
 */
import type { InputRequest, InputRequestStatus, ToolApprovalDecision } from '@dash/shared';
export interface InputRequestClose {
    status: Exclude<InputRequestStatus, 'pending'>;
    answer?: string;
    answeredBy?: string;
    /** Tool approvals: the person's decision. */
    decision?: ToolApprovalDecision;
    /** ISO 8601. */
    closedAt: string;
}
export interface InputRequestRepository {
    create(request: InputRequest): Promise<InputRequest>;
    get(id: string): Promise<InputRequest | null>;
    /** Oldest first. */
    listForRun(runId: string): Promise<InputRequest[]>;
    /** Newest first. */
    list(filter: {
        status?: InputRequestStatus;
        limit: number;
    }): Promise<InputRequest[]>;
    /** pending → closed; null when it was not pending (or does not exist). */
    close(id: string, change: InputRequestClose): Promise<InputRequest | null>;
    /** Closes every pending request of the run; returns the closed ones. */
    closePendingForRun(runId: string, change: InputRequestClose): Promise<InputRequest[]>;
    /** Runs that have a pending request. */
    pendingRunIds(): Promise<Set<string>>;
}
