import { toStoredIsoOrNull } from './timestamps.js';
const parseJson = (text) => (text === null ? null : JSON.parse(text));
export const rowToStepTask = (row) => ({ taskId: row.task_id, role: row.role, position: row.position });
export const rowToStep = (row, tasks) => ({
    runId: row.run_id,
    key: row.key,
    position: row.position,
    status: row.status,
    round: row.round,
    roundStartedAt: row.round_started_at,
    startedAt: row.started_at,
    awaitingSince: row.awaiting_since,
    completedAt: row.completed_at,
    reason: row.reason,
    output: parseJson(row.output),
    tasks: tasks.map(rowToStepTask).sort((a, b) => a.position - b.position),
});
export const rowToDecision = (row) => ({
    id: row.id,
    stepKey: row.step_key,
    decision: row.decision,
    reason: row.reason,
    actor: row.actor,
    round: row.round,
    at: row.at,
});
export const rowToRun = (row, steps, decisions) => ({
    id: row.id,
    title: row.title,
    request: row.request,
    templateId: row.template_id,
    template: parseJson(row.template),
    status: row.status,
    selectionMode: row.selection_mode,
    classifierTaskId: row.classifier_task_id,
    selectionReason: row.selection_reason,
    priority: row.priority,
    workingDirectory: row.working_directory,
    includeOptionalRoles: Boolean(row.include_optional_roles),
    errorCode: row.error_code,
    errorMessage: row.error_message,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    endedAt: row.ended_at,
    closedAt: row.closed_at,
    version: row.version,
    steps: steps.sort((a, b) => a.position - b.position),
    decisions,
});
export function runPatchToRow(patch) {
    const row = {};
    if (patch.template !== undefined) {
        row.template = JSON.stringify(patch.template);
        row.template_id = patch.template.id;
    }
    if (patch.selectionReason !== undefined)
        row.selection_reason = patch.selectionReason;
    if (patch.errorCode !== undefined)
        row.error_code = patch.errorCode;
    if (patch.errorMessage !== undefined)
        row.error_message = patch.errorMessage;
    if (patch.endedAt !== undefined)
        row.ended_at = toStoredIsoOrNull(patch.endedAt);
    return row;
}
export function stepPatchToRow(patch) {
    const row = {};
    if (patch.round !== undefined)
        row.round = patch.round;
    if (patch.roundStartedAt !== undefined)
        row.round_started_at = toStoredIsoOrNull(patch.roundStartedAt);
    if (patch.startedAt !== undefined)
        row.started_at = toStoredIsoOrNull(patch.startedAt);
    if (patch.awaitingSince !== undefined)
        row.awaiting_since = toStoredIsoOrNull(patch.awaitingSince);
    if (patch.completedAt !== undefined)
        row.completed_at = toStoredIsoOrNull(patch.completedAt);
    if (patch.reason !== undefined)
        row.reason = patch.reason;
    if (patch.output !== undefined)
        row.output = patch.output === null ? null : JSON.stringify(patch.output);
    return row;
}
//# sourceMappingURL=workflow-row.js.map