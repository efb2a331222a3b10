/**
 * The one registry of error codes. A code is stable: once published it is never reused for a
 * different meaning and never renumbered. The server maps codes to HTTP statuses from here;
 * the web shows `code` and `message`. docs/api.md lists every code (a test checks they agree).
 */
export interface ErrorCodeSpec {
  /** HTTP status the transport answers with. */
  readonly status: number;
  /** Default human-readable message. */
  readonly message: string;
  /** Whether the same request may succeed if simply retried later. */
  readonly retryable: boolean;
}

const spec = (status: number, message: string, retryable = false): ErrorCodeSpec => ({ status, message, retryable });

export const errorCodes = {
  // generic / transport
  VALIDATION_FAILED: spec(400, 'The request is invalid'),
  BAD_JSON: spec(400, 'The request body is not valid JSON'),
  UNAUTHENTICATED: spec(401, 'Authentication required'),
  FORBIDDEN: spec(403, 'Not allowed'),
  ROUTE_NOT_FOUND: spec(404, 'No such route'),
  NOT_FOUND: spec(404, 'Not found'),
  METHOD_NOT_ALLOWED: spec(405, 'Method not allowed'),
  CONFLICT: spec(409, 'The request conflicts with the current state'),
  PAYLOAD_TOO_LARGE: spec(413, 'The request body is too large'),
  UNSUPPORTED_MEDIA_TYPE: spec(415, 'Unsupported content type'),
  RATE_LIMITED: spec(429, 'Too many requests', true),
  INTERNAL_ERROR: spec(500, 'Internal server error', true),
  SERVER_DRAINING: spec(503, 'The server is shutting down', true),
  SERVER_STARTING: spec(503, 'The server is starting', true),
  DEPENDENCY_UNAVAILABLE: spec(503, 'A required dependency is unavailable', true),
  // authentication and access (docs/security.md)
  AUTH_CREDENTIALS_INVALID: spec(401, 'The session or API token is unknown, expired or revoked; sign in again'),
  AUTH_LOGIN_FAILED: spec(401, 'Wrong username or password'),
  AUTH_THROTTLED: spec(429, 'Too many failed sign-ins; wait before trying again', true),
  AUTH_CSRF_FAILED: spec(403, 'Missing or wrong x-csrf-token header'),
  AUTH_ORIGIN_REJECTED: spec(403, 'Requests from this origin are not allowed'),
  AUTH_SETUP_CLOSED: spec(409, 'Setup is already done: an admin exists'),
  AUTH_SETUP_TOKEN_INVALID: spec(401, 'The setup token is wrong or expired (a new one is printed at each start)'),
  AUTH_USERNAME_TAKEN: spec(409, 'That username is taken'),
  AUTH_LAST_ADMIN: spec(409, 'The last enabled admin cannot be disabled or demoted'),
  // store
  STORE_UNAVAILABLE: spec(503, 'The store is unavailable', true),
  STORE_MIGRATION_FAILED: spec(500, 'Store migration failed'),
  STORE_FULL: spec(507, 'The store has no disk space left', true),
  // agent runtime
  RUNTIME_UNKNOWN: spec(400, 'Unknown agent runtime'),
  RUNTIME_NOT_INSTALLED: spec(422, 'The agent CLI for this runtime is not installed'),
  WORKDIR_OUTSIDE_ROOTS: spec(400, 'The working directory is outside the allowed roots'),
  WORKDIR_NOT_FOUND: spec(400, 'The working directory does not exist'),
  RUN_NOT_FOUND: spec(404, 'Run not found'),
  RUN_NOT_ACTIVE: spec(409, 'The run is not active'),
  RUN_ALREADY_FINISHED: spec(409, 'The run has already finished'),
  RUN_NO_SESSION: spec(409, 'The run has no agent session to resume'),
  RUN_LOST: spec(409, 'The run was lost: its server stopped while it was active'),
  RUN_OWNER_UNAVAILABLE: spec(503, 'The replica running this run does not answer', true),
  RUN_NEEDS_WORKER: spec(409, 'This server does not run agents (its SERVICE_ROLE has no worker)'),
  RUN_INPUT_UNSUPPORTED: spec(409, 'This runtime does not accept input while running'),
  AGENT_SPAWN_FAILED: spec(500, 'The agent process could not be started'),
  // how a run ended without success (RunOutcome.errorCode; shown on the run, rarely an HTTP answer)
  AGENT_FAILED: spec(502, 'The agent reported a failure'),
  AGENT_CRASHED: spec(502, 'The agent process exited abnormally'),
  AGENT_MAX_TURNS: spec(502, 'The agent reached its turn limit'),
  AGENT_RATE_LIMITED: spec(503, 'The agent hit a rate or usage limit', true),
  AGENT_AUTH_FAILED: spec(502, 'The agent CLI is not signed in or its credentials were rejected'),
  AGENT_BUDGET_EXCEEDED: spec(502, 'The agent exceeded its spending budget'),
  RUN_TIMED_OUT: spec(504, 'The run exceeded its time limit', true),
  RUN_CANCELLED: spec(409, 'The run was cancelled'),
  CONCURRENCY_LIMIT: spec(429, 'The concurrent process limit is reached', true),
  // tasks
  TASK_NOT_FOUND: spec(404, 'Task not found'),
  TASK_ILLEGAL_TRANSITION: spec(409, 'The task cannot move to that status from its current one'),
  TASK_REOPEN_REASON_REQUIRED: spec(409, 'Reopening a task requires a reason'),
  TASK_NOT_EDITABLE: spec(409, 'That field cannot be changed in the task\'s current status'),
  TASK_VERSION_CONFLICT: spec(409, 'The task was changed by someone else; reload it and try again'),
  TASK_DEPENDENCY_CYCLE: spec(400, 'The dependencies would form a cycle'),
  TASK_DEPENDENCY_NOT_FOUND: spec(400, 'A dependency names a task that does not exist'),
  TASK_RUNNING: spec(409, 'The task is running; cancel it first'),
  // employee registry
  REGISTRY_INVALID: spec(422, 'The employee registry file is invalid'),
  // workflows (docs/workflows.md)
  WORKFLOW_TEMPLATE_NOT_FOUND: spec(404, 'Workflow template not found'),
  WORKFLOW_TEMPLATE_INVALID: spec(422, 'A workflow template file is invalid'),
  WORKFLOW_ROLE_UNSTAFFED: spec(409, 'No active or paused employee has a role the workflow needs'),
  // budgets and schedules (docs/budgets-and-schedules.md)
  TASK_BUDGET_EXCEEDED: spec(409, 'The task has spent its budget (its budgetUsd, else BUDGET_TASK_USD); it is not run again'),
  SCHEDULE_NOT_FOUND: spec(404, 'Schedule not found'),
  SCHEDULE_CRON_INVALID: spec(400, 'The cron expression or time zone is invalid'),
  SCHEDULE_TARGET_UNAVAILABLE: spec(409, 'This server cannot start what the schedule targets (workflows are not enabled)'),
  WORKFLOW_RUN_NOT_FOUND: spec(404, 'Workflow run not found'),
  WORKFLOW_RUN_FINISHED: spec(409, 'The workflow run has already finished'),
  WORKFLOW_STEP_NOT_FOUND: spec(404, 'The workflow run has no such step'),
  WORKFLOW_STEP_NOT_AWAITING_APPROVAL: spec(409, 'The workflow step is not waiting for approval'),
  WORKFLOW_REJECT_REASON_REQUIRED: spec(400, 'Rejecting a workflow step requires a reason'),
  WORKFLOW_CLASSIFICATION_FAILED: spec(502, 'The agent did not choose a known workflow template'),
  WORKFLOW_STEP_FAILED: spec(502, 'A workflow step failed'),
  // employee memory
  MEMORY_NOT_FOUND: spec(404, 'Memory not found'),
  MEMORY_KEY_MISMATCH: spec(500, 'MEMORY_ENCRYPTION_KEY does not match the key the stored memories were encrypted with'),
  MEMORY_EMBEDDING_FAILED: spec(502, 'The embedding provider failed', true),
  MEMORY_UNAVAILABLE: spec(503, 'The memory service cannot be reached', true),
  // MCP endpoint for agents (run-scoped tokens; docs/bridge.md)
  MCP_TOKEN_MISSING: spec(401, 'A run token is required (Authorization: Bearer <token>)'),
  MCP_TOKEN_INVALID: spec(401, 'The run token is not valid'),
  MCP_TOKEN_EXPIRED: spec(403, 'The run token has expired or its run has ended'),
  MCP_TOKEN_RUN_MISMATCH: spec(403, 'The run token belongs to another run'),
  MCP_TOKEN_SCOPE: spec(403, 'The run token may act only for its own run\'s task and employee'),
  MCP_RUN_NO_TASK: spec(409, 'The run has no task to act on'),
  MCP_RUN_NO_EMPLOYEE: spec(409, 'The run has no employee to act for'),
  MCP_TOOL_UNKNOWN: spec(404, 'No such MCP tool'),
  MCP_BAD_REQUEST: spec(400, 'Not a valid MCP JSON-RPC message'),
  // API bridge (docs/bridge.md)
  BRIDGE_UNAVAILABLE: spec(503, 'The API bridge cannot be reached', true),
  BRIDGE_ROLE_UNSTAFFED: spec(422, 'No active employee has that role'),
  BRIDGE_INPUT_NOT_FOUND: spec(404, 'Input request not found'),
  BRIDGE_INPUT_CLOSED: spec(409, 'The input request is no longer waiting for an answer'),
  BRIDGE_INPUT_KIND_MISMATCH: spec(409, 'The input request is of another kind (answer a question, decide a tool approval)'),
  BRIDGE_REGISTRY_WRITE_FAILED: spec(500, 'Writing the employee registry file failed', true),
  // alerts (docs/bridge.md)
  ALERT_NOT_FOUND: spec(404, 'Alert not found'),
  ALERT_ALREADY_RESOLVED: spec(409, 'The alert is already resolved'),
  // isolated task workspaces (docs/workspaces-and-approvals.md)
  WORKSPACE_REPO_UNKNOWN: spec(422, 'No configured workspace repository has that name'),
  WORKSPACE_BASE_INVALID: spec(422, 'The base is not a branch or commit of the repository'),
  WORKSPACE_NOT_FOUND: spec(404, 'The task has no workspace'),
  WORKSPACE_CLOSED: spec(409, 'The workspace was already merged or discarded'),
  WORKSPACE_NOTHING_TO_COMMIT: spec(409, 'The workspace has no changes to commit'),
  WORKSPACE_UNCOMMITTED_CHANGES: spec(409, 'The workspace has uncommitted changes; commit or discard them first'),
  WORKSPACE_MERGE_CONFLICT: spec(409, 'The workspace branch does not merge cleanly into its base'),
  WORKSPACE_BUSY: spec(409, 'A run is working in the workspace'),
  WORKSPACE_BASE_NOT_BRANCH: spec(409, 'The workspace base is a commit, not a branch: there is nothing to merge into'),
  WORKSPACE_SETUP_FAILED: spec(500, 'The workspace setup command failed'),
  WORKSPACE_GIT_FAILED: spec(500, 'A git command failed in the workspace'),
  // live feed (WebSocket error frames; the status only keeps the registry uniform)
  LIVE_TOPIC_UNKNOWN: spec(404, 'No such live-feed topic'),
  LIVE_VERSION_UNSUPPORTED: spec(400, 'Unsupported live-feed protocol version'),
  LIVE_SUBSCRIPTION_LIMIT: spec(429, 'Too many live-feed subscriptions on this connection'),
} as const satisfies Record<string, ErrorCodeSpec>;

export type ErrorCode = keyof typeof errorCodes;
export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(errorCodes, value);
