/** Tables of migration 0010 (the API bridge), merged into StoreDatabase in schema.ts. */
import type { AlertDeliveryEvent, AlertDeliveryStatus, AlertKind, AlertSeverity, AlertStatus, InputRequestKind, InputRequestStatus, ToolApprovalDecision } from '@dash/shared';
import type { Generated } from 'kysely';
export interface McpRunTokensTable {
    /** SHA-256 (hex) of the token; the token itself is never stored. */
    token_hash: string;
    run_id: string;
    employee_id: string | null;
    task_id: string | null;
    created_at: string;
    expires_at: string;
    revoked_at: string | null;
}
export interface InputRequestsTable {
    id: string;
    run_id: string;
    task_id: string | null;
    employee_id: string | null;
    question: string;
    status: InputRequestStatus;
    answer: string | null;
    answered_by: string | null;
    created_at: string;
    expires_at: string;
    closed_at: string | null;
    /** 0013: 'question' | 'tool_approval'. */
    kind: Generated<InputRequestKind>;
    tool_name: string | null;
    /** JSON text of the tool's input. */
    tool_input: string | null;
    tool_use_id: string | null;
    decision: ToolApprovalDecision | null;
}
export interface AlertsTable {
    id: string;
    key: string;
    /** `key` while the condition lasts (open, or resolved by hand but still true); null after. */
    active_key: string | null;
    kind: AlertKind;
    severity: AlertSeverity;
    status: AlertStatus;
    title: string;
    message: string;
    /** JSON object. */
    subject: string;
    opened_at: string;
    last_seen_at: string;
    occurrences: number;
    resolved_at: string | null;
    resolved_by: string | null;
}
export interface AlertDeliveriesTable {
    id: string;
    alert_id: string;
    event: AlertDeliveryEvent;
    /** webhookTargetId(url): the URL itself stays in the configuration. */
    target_id: string;
    /** The URL's origin, for display. */
    target: string;
    status: AlertDeliveryStatus;
    attempts: number;
    last_status_code: number | null;
    last_error: string | null;
    next_attempt_at: string | null;
    /** A sender holds the delivery until then (several replicas may send). */
    lease_until: string | null;
    created_at: string;
    delivered_at: string | null;
}
export interface TaskLinksTable {
    child_task_id: string;
    parent_task_id: string;
    run_id: string | null;
    employee_id: string | null;
    created_at: string;
}
export interface BridgeTables {
    mcp_run_tokens: McpRunTokensTable;
    input_requests: InputRequestsTable;
    alerts: AlertsTable;
    alert_deliveries: AlertDeliveriesTable;
    task_links: TaskLinksTable;
}
