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
  // store
  STORE_UNAVAILABLE: spec(503, 'The store is unavailable', true),
  STORE_MIGRATION_FAILED: spec(500, 'Store migration failed'),
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
  // employee memory
  MEMORY_NOT_FOUND: spec(404, 'Memory not found'),
  MEMORY_KEY_MISMATCH: spec(500, 'MEMORY_ENCRYPTION_KEY does not match the key the stored memories were encrypted with'),
  MEMORY_EMBEDDING_FAILED: spec(502, 'The embedding provider failed', true),
  MEMORY_UNAVAILABLE: spec(503, 'The memory service cannot be reached', true),
  // live feed (WebSocket error frames; the status only keeps the registry uniform)
  LIVE_TOPIC_UNKNOWN: spec(404, 'No such live-feed topic'),
  LIVE_VERSION_UNSUPPORTED: spec(400, 'Unsupported live-feed protocol version'),
  LIVE_SUBSCRIPTION_LIMIT: spec(429, 'Too many live-feed subscriptions on this connection'),
} as const satisfies Record<string, ErrorCodeSpec>;

export type ErrorCode = keyof typeof errorCodes;
export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(errorCodes, value);
