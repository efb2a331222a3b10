import { toStoredIso, toStoredIsoOrNull } from './timestamps.js';
export const rowToRun = (row) => ({
    id: row.id,
    taskId: row.task_id,
    employeeId: row.employee_id,
    runtime: row.runtime,
    status: row.status,
    model: row.model,
    cwd: row.cwd,
    sessionId: row.session_id,
    resumeOf: row.resume_of,
    nodeId: row.node_id,
    pid: row.pid,
    exitCode: row.exit_code,
    exitSignal: row.exit_signal,
    restarts: row.restarts,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    resultText: row.result_text,
    usage: {
        inputTokens: row.input_tokens,
        outputTokens: row.output_tokens,
        cacheReadTokens: row.cache_read_tokens,
        cacheWriteTokens: row.cache_write_tokens,
        costUsd: row.cost_usd,
    },
    eventCount: row.event_count,
    eventBytes: row.event_bytes,
    logTruncated: Boolean(row.log_truncated),
    createdAt: row.created_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    lastEventAt: row.last_event_at,
});
/** A new run starts `queued`; counters and usage start at their column defaults (0). */
export const newRunToRow = (run) => ({
    id: run.id,
    task_id: run.taskId,
    employee_id: run.employeeId,
    runtime: run.runtime,
    status: 'queued',
    model: run.model,
    cwd: run.cwd,
    session_id: null,
    resume_of: run.resumeOf,
    node_id: run.nodeId,
    pid: null,
    exit_code: null,
    exit_signal: null,
    error_code: null,
    error_message: null,
    result_text: null,
    created_at: toStoredIso(run.createdAt),
    started_at: null,
    ended_at: null,
    last_event_at: null,
});
/** Only keys present (and not undefined) in the patch become columns to set. */
export function patchToRow(patch) {
    const row = {};
    if (patch.status !== undefined)
        row.status = patch.status;
    if (patch.pid !== undefined)
        row.pid = patch.pid;
    if (patch.sessionId !== undefined)
        row.session_id = patch.sessionId;
    if (patch.model !== undefined)
        row.model = patch.model;
    if (patch.exitCode !== undefined)
        row.exit_code = patch.exitCode;
    if (patch.exitSignal !== undefined)
        row.exit_signal = patch.exitSignal;
    if (patch.restarts !== undefined)
        row.restarts = patch.restarts;
    if (patch.errorCode !== undefined)
        row.error_code = patch.errorCode;
    if (patch.errorMessage !== undefined)
        row.error_message = patch.errorMessage;
    if (patch.resultText !== undefined)
        row.result_text = patch.resultText;
    if (patch.startedAt !== undefined)
        row.started_at = toStoredIsoOrNull(patch.startedAt);
    if (patch.endedAt !== undefined)
        row.ended_at = toStoredIsoOrNull(patch.endedAt);
    if (patch.nodeId !== undefined)
        row.node_id = patch.nodeId;
    return row;
}
//# sourceMappingURL=run-row.js.map